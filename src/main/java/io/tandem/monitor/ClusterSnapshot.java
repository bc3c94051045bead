package io.tandem.monitor;

import io.tandem.facts.QdeviceStatus;
import io.tandem.facts.BondStatus;
import io.tandem.facts.ClusterStatus;
import io.tandem.facts.DiskCounters;
import io.tandem.facts.DrbdDeviceState;
import io.tandem.facts.IscsiSessionDetail;
import io.tandem.facts.PingResult;
import io.tandem.facts.PortBlockRules;
import io.tandem.facts.SbdSlots;
import io.tandem.facts.TargetState;
import io.tandem.model.NetworkRole;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster as one status read saw it. The lines ({@code nodes}, {@code drbd}, {@code resources},
 * {@code target}, {@code sessions}) are what the home screen shows; {@code nodeReads} and
 * {@code clientReads} hold everything each host answered (Pacemaker's view from that node, bonds,
 * port rules, the target, SBD; the client's sessions) for the health rules. {@code problems} names
 * hosts that did not answer and core facts (crm_mon, /proc/drbd) that said something unreadable;
 * a secondary fact that could not be read is in its host's own {@code problems}. The lines about
 * the cluster come from the crm_mon of node {@code viewFrom} (null when none could be read), the
 * target runs on {@code servedBy} (null when nowhere). Every string a
 * host sent is escaped ({@link io.tandem.text.HostTextRecords}).
 */
public record ClusterSnapshot(Instant readAt, Duration readTime, List<NodeLine> nodes, List<DrbdLine> drbd, List<ResourceLine> resources,
                              String target, List<String> sessions, List<String> problems, List<NodeRead> nodeReads,
                              List<ClientRead> clientReads, String servedBy, String viewFrom) {

    public ClusterSnapshot {
        nodes = List.copyOf(nodes);
        drbd = List.copyOf(drbd);
        resources = List.copyOf(resources);
        sessions = List.copyOf(sessions);
        problems = List.copyOf(problems);
        nodeReads = List.copyOf(nodeReads);
        clientReads = List.copyOf(clientReads);
    }

    /** A node's place in the cluster as Pacemaker reports it; UNKNOWN when no node's crm_mon could be read. */
    public enum Membership {
        ONLINE, STANDBY, MAINTENANCE, OFFLINE, UNCLEAN, UNKNOWN;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A node: online in the cluster, what it serves ("serves the target", "standby") and its membership. */
    public record NodeLine(String name, boolean online, String role, Membership membership) {
    }

    /**
     * One DRBD device as one node sees it: "Connected", "Primary/Secondary", "UpToDate/UpToDate",
     * sync percent or -1; {@code state} is the whole /proc/drbd line (out of sync, rate, time
     * left), null when the device is not configured there.
     */
    public record DrbdLine(String node, String resource, int minor, String connection, String roles, String disks, double syncPercent,
                           DrbdDeviceState state) {
        public boolean healthy() {
            return connection.equals("Connected") && disks.equals("UpToDate/UpToDate");
        }
    }

    /** A cluster resource: where it runs ("node1", "node1 (Promoted), node2 (Unpromoted)") or "stopped", and its fail counts per node. */
    public record ResourceLine(String id, String agent, String where, boolean failed, List<ClusterStatus.FailCount> failCounts) {
        public ResourceLine {
            failCounts = List.copyOf(failCounts);
        }

        public boolean running() {
            return !where.equals("stopped");
        }
    }

    /**
     * What one node answered. Null facts were not read (the node did not answer, or the fact does
     * not apply: {@code sbd} is empty without SBD fencing). {@code clockOffset} is the node's clock
     * minus this workstation's, measured NTP style around the read. {@code peerRtt}: one ping to
     * the peer on each network (empty when not read). {@code qdevice}: the quorum device's client,
     * null without a quorum device or when not read.
     */
    public record NodeRead(String name, boolean answered, String error, Duration took, Duration uptime, Duration clockOffset,
                           ClusterStatus pacemaker, String pacemakerProblem, List<BondStatus> bonds, List<PortBlockRules.Rule> portBlocks,
                           TargetState target, List<SbdDisk> sbd, List<String> problems, List<PeerRtt> peerRtt, QdeviceStatus qdevice) {
        public NodeRead {
            bonds = List.copyOf(bonds);
            portBlocks = List.copyOf(portBlocks);
            sbd = List.copyOf(sbd);
            problems = List.copyOf(problems);
            peerRtt = List.copyOf(peerRtt);
        }

        public Optional<PeerRtt> peerRtt(NetworkRole network) {
            return peerRtt.stream().filter(r -> r.network() == network).findFirst();
        }

        public Optional<BondStatus> bond(String name) {
            return bonds.stream().filter(b -> b.name().equals(name)).findFirst();
        }
    }

    /** An SBD disk as one node reads it: its slots, or why it could not be read. */
    public record SbdDisk(String device, List<SbdSlots.Slot> slots, String problem) {
        public SbdDisk {
            slots = List.copyOf(slots);
        }
    }

    /** One ping from a node to its peer's address on {@code network}. */
    public record PeerRtt(NetworkRole network, String peer, String address, PingResult result) {
    }

    /**
     * What one managed client answered: its iSCSI sessions ({@code sessionsProblem} when they could
     * not be read), what else could not be read ({@code problems}), its session disks' I/O counters
     * ({@code disks}, null when not read) and their latency since the previous read ({@code latency}).
     */
    public record ClientRead(String name, boolean answered, String error, Duration took, Duration uptime, Duration clockOffset,
                             List<IscsiSessionDetail> sessions, String sessionsProblem, List<String> problems, DiskSample disks,
                             List<DiskLatency> latency) {
        public ClientRead {
            sessions = List.copyOf(sessions);
            problems = List.copyOf(problems);
            latency = List.copyOf(latency);
        }
    }

    /** The counters of a client's session disks by device name, read at {@code hostNanos} of the client's own clock. */
    public record DiskSample(long hostNanos, Map<String, DiskCounters> counters) {
        public DiskSample {
            counters = Map.copyOf(counters);
        }
    }

    /**
     * A session disk's I/O over the interval between two reads ({@code over}): the I/Os completed,
     * their mean time in milliseconds (NaN without I/O) and the I/Os in flight at the end. Not
     * measured ({@code unmeasured} says why) on the first read, or when the counters of the two
     * reads cannot be compared.
     */
    public record DiskLatency(String device, int lun, Duration over, long ios, double averageMillis, long inFlight, String unmeasured) {

        public boolean measured() {
            return unmeasured == null;
        }

        /** I/Os were waiting and none completed the whole interval: the disk is stuck, as while the target is away. */
        public boolean stalled() {
            return measured() && ios == 0 && inFlight > 0;
        }
    }

    public Optional<NodeRead> nodeRead(String name) {
        return nodeReads.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public Optional<ClientRead> clientRead(String name) {
        return clientReads.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<NodeLine> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public Optional<ResourceLine> resource(String id) {
        return resources.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Pacemaker's view the lines were made from. */
    public Optional<io.tandem.facts.ClusterStatus> pacemaker() {
        return nodeRead(viewFrom == null ? "" : viewFrom).map(NodeRead::pacemaker);
    }

    /** The node serving the target now, when it runs. */
    public Optional<String> serving() {
        return Optional.ofNullable(servedBy);
    }

    /** True when every node is online, every DRBD device healthy, every resource running and nothing failed or unanswered. */
    public boolean healthy() {
        return problems.isEmpty() && nodes.stream().allMatch(NodeLine::online) && drbd.stream().allMatch(DrbdLine::healthy)
                && resources.stream().allMatch(r -> r.running() && !r.failed());
    }
}
