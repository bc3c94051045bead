package io.tandem.discovery;

import io.tandem.facts.AptPolicy;
import io.tandem.facts.BlockDevice;
import io.tandem.facts.BondStatus;
import io.tandem.facts.DrbdVersions;
import io.tandem.facts.HostFiles;
import io.tandem.facts.IfAddress;
import io.tandem.facts.NetLink;
import io.tandem.facts.NicHardware;
import io.tandem.facts.OsRelease;
import io.tandem.facts.Signature;
import io.tandem.facts.Uname;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything discovery learned about one host. A fact that could not be read is absent (empty
 * optional, empty list) and named in {@code unavailable} with the reason, so one odd command
 * never hides the rest. {@code files} holds the configuration files Tandem may write, as they were
 * at {@code discoveredAt} (this workstation's clock), secrets masked.
 */
public record HostFacts(
        String target,
        String hostname,
        String fqdn,
        Optional<OsRelease> os,
        Optional<Uname> kernel,
        List<NetLink> links,
        Map<String, List<IfAddress>> addresses,
        Map<String, NicHardware> nicHardware,
        Optional<String> sshInterface,
        List<BondStatus> bonds,
        List<BlockDevice> disks,
        Map<String, List<Signature>> signatures,
        Map<String, String> packages,
        Map<String, AptPolicy> packageCandidates,
        DrbdVersions drbd,
        boolean drbdModuleAvailable,
        Optional<String> drbdModuleVersion,
        Map<String, String> servicesActive,
        Optional<Boolean> timeSynchronized,
        Optional<String> timeSource,
        long memoryTotalBytes,
        boolean hostnameResolves,
        Duration clockOffset,
        Optional<String> initiatorName,
        Map<String, String> unavailable,
        int roundTrips,
        Duration elapsed,
        HostFiles files,
        Instant discoveredAt) {

    /**
     * The DRBD kernel version: the loaded module's, else the version of the module that would load
     * ({@code modinfo}); on a fresh node nothing is loaded and drbd-utils is not installed yet, so
     * {@code modinfo} is the only source.
     */
    public Optional<String> drbdKernelVersion() {
        return drbd.kernelModule().or(() -> drbdModuleVersion);
    }

    /** The DRBD configuration dialect this node needs, from {@link #drbdKernelVersion()}. */
    public Optional<io.tandem.model.DrbdVersion> drbdGeneration() {
        return new DrbdVersions(drbdKernelVersion(), drbd.utils()).generation();
    }

    /** Every block device, partitions and holders included, depth first. */
    public List<BlockDevice> allBlockDevices() {
        List<BlockDevice> all = new java.util.ArrayList<>();
        java.util.ArrayDeque<BlockDevice> stack = new java.util.ArrayDeque<>(disks);
        while (!stack.isEmpty()) {
            BlockDevice device = stack.pop();
            all.add(device);
            device.children().reversed().forEach(stack::push);
        }
        return all;
    }

    /** Why a device must not be overwritten without confirmation: lsblk's view plus wipefs signatures. */
    public List<String> inUseReasons(BlockDevice device) {
        List<String> reasons = new java.util.ArrayList<>(device.inUse());
        for (Signature signature : signatures.getOrDefault(device.path(), List.of())) {
            String reason = signature.describe();
            if (!reasons.contains(reason)) {
                reasons.add(reason);
            }
        }
        return reasons;
    }
}
