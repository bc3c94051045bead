package io.tandem.discovery;

import io.tandem.facts.BlockDevice;
import io.tandem.facts.NetLink;
import io.tandem.facts.OsRelease;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether two discovered hosts can become a Tandem cluster: per node (OS, NICs for two bonds, a
 * free backing device, DRBD, memory, time, name) and for the pair (same OS, matching disk sizes,
 * same DRBD generation, clocks together, distinct names).
 */
public final class CompatibilityReport {

    /** Smallest device worth offering as a DRBD backing device. */
    static final long MIN_BACKING_BYTES = 32L << 20;
    private static final Set<String> NOT_NICS = Set.of("bond", "bridge", "vlan", "tun", "tap", "dummy", "ipip", "gre", "vxlan", "wireguard");

    private CompatibilityReport() {
    }

    public static List<Check> forNode(HostFacts facts) {
        String scope = facts.hostname().isEmpty() ? facts.target() : facts.hostname();
        List<Check> checks = new ArrayList<>();
        checks.add(operatingSystem(scope, facts));
        checks.add(nics(scope, facts));
        checks.add(backingDevice(scope, facts));
        checks.add(drbd(scope, facts));
        checks.add(memory(scope, facts));
        checks.add(time(scope, facts));
        checks.add(facts.hostnameResolves() ? Check.pass(scope, "host name", "'" + facts.hostname() + "' resolves on the node")
                : Check.warning(scope, "host name", "'" + facts.hostname() + "' does not resolve on the node",
                "Tandem writes both nodes into /etc/hosts; until then sudo and Pacemaker may complain."));
        if (!facts.unavailable().isEmpty()) {
            checks.add(Check.warning(scope, "facts", "could not read: " + String.join(", ", facts.unavailable().keySet()),
                    "See the details; the checks that need these facts may be incomplete."));
        }
        return checks;
    }

    public static List<Check> forPair(HostFacts a, HostFacts b) {
        String scope = "pair";
        List<Check> checks = new ArrayList<>();
        Optional<OsRelease> osA = a.os();
        Optional<OsRelease> osB = b.os();
        if (osA.isPresent() && osB.isPresent()) {
            if (!osA.get().id().equals(osB.get().id())) {
                checks.add(Check.fail(scope, "same OS", osA.get().prettyName() + " vs " + osB.get().prettyName(),
                        "Install the same distribution on both nodes."));
            } else if (!osA.get().versionId().equals(osB.get().versionId())) {
                checks.add(Check.warning(scope, "same OS", osA.get().prettyName() + " vs " + osB.get().prettyName(),
                        "Use the same release so package and DRBD versions match."));
            } else {
                checks.add(Check.pass(scope, "same OS", osA.get().prettyName() + " on both"));
            }
        }
        checks.add(matchingDisks(a, b));
        var genA = a.drbdGeneration();
        var genB = b.drbdGeneration();
        if (genA.isPresent() && genB.isPresent() && genA.get() != genB.get()) {
            checks.add(Check.fail(scope, "DRBD generation", "DRBD " + genA.get() + " vs " + genB.get(),
                    "Run the same DRBD major version on both nodes."));
        }
        Duration skew = a.clockOffset().minus(b.clockOffset()).abs();
        String skewText = String.format("%.3f s apart", skew.toMillis() / 1000.0);
        checks.add(skew.compareTo(Duration.ofSeconds(1)) <= 0 ? Check.pass(scope, "clocks", skewText)
                : skew.compareTo(Duration.ofSeconds(5)) <= 0 ? Check.warning(scope, "clocks", skewText, "Tandem sets up chrony on both nodes.")
                : Check.fail(scope, "clocks", skewText, "Set the clocks (chrony/NTP) before building the cluster: logs and "
                + "failover timings must line up."));
        if (!a.hostname().isEmpty() && a.hostname().equals(b.hostname())) {
            checks.add(Check.fail(scope, "distinct names", "both nodes are called '" + a.hostname() + "'",
                    "Give each node its own host name (hostnamectl set-hostname)."));
        } else {
            checks.add(Check.pass(scope, "distinct names", a.hostname() + " and " + b.hostname()));
        }
        return checks;
    }

    static Check operatingSystem(String scope, HostFacts facts) {
        if (facts.os().isEmpty()) {
            return Check.fail(scope, "operating system", "unknown (no /etc/os-release)", "Use Debian 12 or Ubuntu 22.04/24.04.");
        }
        OsRelease os = facts.os().get();
        return os.operatingSystem().isPresent() ? Check.pass(scope, "operating system", os.prettyName())
                : Check.fail(scope, "operating system", os.prettyName() + " is not supported", "Use Debian 12 or Ubuntu 22.04/24.04.");
    }

    /** NICs that can carry a network: not loopback and not virtual devices built on others. */
    public static List<NetLink> usableNics(HostFacts facts) {
        return facts.links().stream()
                .filter(l -> !l.isLoopback() && (l.linkKind() == null || !NOT_NICS.contains(l.linkKind())))
                .toList();
    }

    private static Check nics(String scope, HostFacts facts) {
        List<NetLink> nics = usableNics(facts);
        String names = String.join(", ", nics.stream().map(n -> n.name() + linkNote(n)).toList());
        if (nics.size() >= 4) {
            return Check.pass(scope, "NICs for two bonds", nics.size() + " NICs: " + names);
        }
        if (nics.size() >= 2) {
            return Check.warning(scope, "NICs for two bonds", "only " + nics.size() + " NICs (" + names + "); a network without a "
                    + "second NIC has a single point of failure", "Add NICs so each network gets two.");
        }
        return Check.fail(scope, "NICs for two bonds", nics.size() + " NIC(s): " + names,
                "A node needs at least one NIC per network (client and replication), two for redundancy.");
    }

    /**
     * A NIC that is not up (not configured yet: the normal state of the spare NICs Tandem is to
     * bond) reports neither carrier nor speed, so "no link" would be a guess; only an up NIC
     * without carrier really has no link.
     */
    static String linkNote(NetLink nic) {
        return !nic.isUp() ? " (not up)" : nic.carrier() ? "" : " (no link)";
    }

    /** Devices that could back DRBD: not in use, writable, large enough. */
    public static List<BlockDevice> freeDevices(HostFacts facts) {
        return facts.allBlockDevices().stream()
                .filter(d -> Set.of("disk", "part", "loop").contains(d.type()) && !d.readOnly() && d.sizeBytes() >= MIN_BACKING_BYTES)
                .filter(d -> facts.inUseReasons(d).isEmpty())
                .toList();
    }

    private static Check backingDevice(String scope, HostFacts facts) {
        List<BlockDevice> free = freeDevices(facts);
        if (!free.isEmpty()) {
            return Check.pass(scope, "backing device", String.join(", ", free.stream().map(d -> d.path() + " " + size(d.sizeBytes())).toList())
                    + " free");
        }
        List<String> used = facts.allBlockDevices().stream().filter(d -> Set.of("disk", "part", "loop").contains(d.type()))
                .map(d -> d.path() + " " + String.join(", ", facts.inUseReasons(d))).toList();
        return Check.fail(scope, "backing device", "no unused device (" + String.join("; ", used) + ")",
                "Add a disk for the replicated data; a device that holds data is only reused after you confirm its destruction.");
    }

    private static Check drbd(String scope, HostFacts facts) {
        boolean utils = facts.packages().containsKey("drbd-utils")
                || Optional.ofNullable(facts.packageCandidates().get("drbd-utils")).map(p -> p.isAvailable()).orElse(false);
        if (!facts.drbdModuleAvailable()) {
            return Check.fail(scope, "DRBD", "the DRBD kernel module is not available for kernel "
                    + facts.kernel().map(k -> k.kernelRelease()).orElse("?"), "Use a distribution kernel (it ships DRBD 8.4) "
                    + "or install DRBD 9 from LINBIT.");
        }
        if (!utils) {
            return Check.fail(scope, "DRBD", "drbd-utils is neither installed nor available from apt",
                    "Enable the distribution's main repository.");
        }
        return Check.pass(scope, "DRBD", "kernel module " + facts.drbdKernelVersion().orElse("present")
                + (facts.drbd().moduleLoaded() ? " (loaded)" : "")
                + (facts.packages().containsKey("drbd-utils") ? ", drbd-utils " + facts.packages().get("drbd-utils") : ", drbd-utils installable"));
    }

    /**
     * MemTotal is the installed RAM less what the firmware and the kernel keep (a 1 GiB machine
     * shows 958-990 MiB), so the thresholds of 1 GiB and 512 MiB are compared with 90 % of them.
     */
    static final long GOOD_MEMTOTAL_MIB = 1024 * 9 / 10;
    static final long MIN_MEMTOTAL_MIB = 512 * 9 / 10;

    private static Check memory(String scope, HostFacts facts) {
        long mib = facts.memoryTotalBytes() >> 20;
        if (mib >= GOOD_MEMTOTAL_MIB) {
            return Check.pass(scope, "memory", mib + " MiB");
        }
        if (mib >= MIN_MEMTOTAL_MIB) {
            return Check.warning(scope, "memory", mib + " MiB", "Pacemaker, DRBD and LIO run best with 1 GiB or more.");
        }
        return Check.fail(scope, "memory", mib + " MiB", "Give the node at least 512 MiB, better 1 GiB.");
    }

    static Check time(String scope, HostFacts facts) {
        if (facts.timeSynchronized().orElse(false)) {
            return Check.pass(scope, "time sync", "synchronised" + facts.timeSource().map(s -> " to " + s).orElse(""));
        }
        return Check.warning(scope, "time sync", facts.timeSynchronized().isEmpty() ? "unknown (no chrony or timedatectl)"
                : "not synchronised", "Tandem sets up chrony; make sure the nodes can reach a time server or each other.");
    }

    private static Check matchingDisks(HostFacts a, HostFacts b) {
        List<BlockDevice> freeA = freeDevices(a);
        List<BlockDevice> freeB = freeDevices(b);
        if (freeA.isEmpty() || freeB.isEmpty()) {
            return Check.fail("pair", "matching disks", "a node has no free device", "Add a disk of the same size to each node.");
        }
        for (BlockDevice da : freeA) {
            for (BlockDevice db : freeB) {
                long bigger = Math.max(da.sizeBytes(), db.sizeBytes());
                if (Math.abs(da.sizeBytes() - db.sizeBytes()) * 100 <= bigger) {
                    return Check.pass("pair", "matching disks", da.path() + " and " + db.path() + ", " + size(da.sizeBytes()));
                }
            }
        }
        BlockDevice largestA = freeA.stream().max(java.util.Comparator.comparingLong(BlockDevice::sizeBytes)).orElseThrow();
        BlockDevice largestB = freeB.stream().max(java.util.Comparator.comparingLong(BlockDevice::sizeBytes)).orElseThrow();
        return Check.warning("pair", "matching disks", "sizes differ: " + largestA.path() + " " + size(largestA.sizeBytes()) + " vs "
                + largestB.path() + " " + size(largestB.sizeBytes()), "The replicated device gets the smaller size; "
                + "use disks of equal size to use all of both.");
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format("%.1f GiB", bytes / (double) (1L << 30));
        }
        return (bytes >> 20) + " MiB";
    }
}
