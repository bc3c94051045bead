package io.tandem.discovery;

import io.tandem.facts.BlockDevice;
import io.tandem.facts.Signature;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Devices the running server itself uses: mounted (the root filesystem, /boot, active swap), swap
 * space, an LVM physical volume or a software RAID member, held by another device (an LVM volume,
 * an md array, a device-mapper target), or a disk one of whose partitions is any of these. Such a
 * device is never offered for replicated data, not even after a typed confirmation: writing DRBD
 * on it breaks the server, not only old data. A device that merely holds old data (a filesystem
 * nobody mounts, a partition table) stays a choice that needs its path typed.
 *
 * <p>A DRBD device on top is no such use by itself: it is how a disk looks once Tandem has set up
 * its volume, and the engine checks the DRBD metadata at apply. It counts when something uses the
 * DRBD device in turn (mounted, held).
 */
public final class SystemDevices {

    private static final Pattern DRBD = Pattern.compile("drbd[0-9]+");

    private SystemDevices() {
    }

    /** Why {@code device} of this host can never hold replicated data, in words; empty when nothing forbids it. */
    public static Optional<String> refusal(HostFacts facts, BlockDevice device) {
        List<String> mounts = device.mountpoints();
        if (mounts.contains("[SWAP]")) {
            return Optional.of("is in use as swap");
        }
        if (!mounts.isEmpty()) {
            return Optional.of("is mounted on " + String.join(", ", mounts));
        }
        Set<String> signatures = new LinkedHashSet<>();
        if (device.fsType() != null) {
            signatures.add(device.fsType());
        }
        facts.signatures().getOrDefault(device.path(), List.of()).stream().map(Signature::type).forEach(signatures::add);
        for (String kept : List.of("swap", "LVM2_member", "linux_raid_member")) {
            if (signatures.contains(kept)) {
                return Optional.of(new Signature(device.path(), 0, kept, null, null).describe());
            }
        }
        List<String> holders = device.children().stream().filter(c -> !c.isPartition() && !DRBD.matcher(c.name()).matches())
                .map(BlockDevice::name).toList();
        if (!holders.isEmpty()) {
            return Optional.of("is held by " + String.join(", ", holders));
        }
        for (BlockDevice child : device.children()) {
            Optional<String> inner = refusal(facts, child);
            if (inner.isPresent()) {
                return Optional.of("holds " + (child.path() == null ? child.name() : child.path()) + ", which " + inner.get());
            }
        }
        return Optional.empty();
    }
}
