package io.tandem.monitor;

import io.tandem.facts.BondStatus;
import io.tandem.facts.DrbdDeviceState;
import io.tandem.facts.IscsiSessionDetail;
import io.tandem.model.Project;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The status as a stable document for scripts ({@code tandem status --json}): plain values only
 * (seconds and bytes as numbers, times as ISO-8601 text, states as the tools name them), so its
 * shape does not change when the snapshot's records do. {@code schema} goes up when a field is
 * removed or changes meaning; fields may be added without.
 */
public record StatusDocument(int schema, String cluster, String readAt, double readSeconds, Verdict verdict, String verdictMeaning,
                             List<Finding> findings, List<Host> hosts, List<NodeState> nodes, List<Drbd> drbd, List<Resource> resources,
                             List<Bond> bonds, Target target, List<Client> clients, List<PortRule> portRules, List<SbdDisk> sbd,
                             List<String> problems) {

    public static final int SCHEMA = 1;

    /** {@code peerRtt}: a node's ping to its peer on each network (empty for a client, or when not read). */
    public record Host(String name, String kind, boolean answered, String error, double tookSeconds, Long uptimeSeconds, Double clockOffsetSeconds,
                       List<PeerRtt> peerRtt) {
    }

    /**
     * {@code outcome}: "reply" (with {@code rttMillis}), "no reply" (none within 1 s), "error" (the
     * network could not be reached) or "not run" (no ping there); {@code detail} says which.
     */
    public record PeerRtt(String network, String peer, String address, String outcome, Double rttMillis, String detail) {
    }

    public record NodeState(String name, String membership, boolean online, boolean servesTarget) {
    }

    public record Drbd(String node, String resource, int minor, String connection, String role, String peerRole, String disk, String peerDisk,
                       Long outOfSyncBytes, Double syncPercent, Long syncBytesPerSecond, Long syncSecondsLeft) {
    }

    public record Resource(String id, String agent, String where, boolean running, boolean failed, List<FailCount> failCounts) {
    }

    public record FailCount(String node, int count) {
    }

    public record Bond(String node, String bond, boolean present, boolean up, String activeSlave, List<Slave> slaves) {
    }

    public record Slave(String name, boolean up, int linkFailures) {
    }

    /** {@code luns} and {@code sessions} as the target software on {@code servedBy} lists them; null when it could not be read. */
    public record Target(String iqn, String portal, String servedBy, List<Integer> luns, List<TargetSession> sessions) {
    }

    public record TargetSession(String initiator, List<String> addresses) {
    }

    public record Client(String name, boolean answered, List<Session> sessions) {
    }

    public record Session(String target, String portal, String initiator, String state, Integer replacementTimeoutSeconds, List<Disk> disks) {
    }

    /** {@code latency}: over the last polling interval; null when the session's disks were not read. */
    public record Disk(int lun, String device, Latency latency) {
    }

    /**
     * A disk's I/O over {@code intervalSeconds}: {@code ios} completed, their mean time
     * ({@code averageMillis}, null without I/O), {@code inFlight} at the end; {@code unmeasured}
     * says why there are no figures (the first read, a disk attached again).
     */
    public record Latency(Double averageMillis, long ios, long inFlight, Double intervalSeconds, String unmeasured) {
    }

    public record PortRule(String node, String rule) {
    }

    public record SbdDisk(String node, String device, String problem, List<SbdSlot> slots) {
    }

    public record SbdSlot(int slot, String node, String message, String sender) {
    }

    public static StatusDocument of(Project project, ClusterSnapshot s, Assessment a) {
        List<Host> hosts = new ArrayList<>();
        s.nodeReads().forEach(n -> hosts.add(new Host(n.name(), "node", n.answered(), n.error(), seconds(n.took()), whole(n.uptime()),
                n.clockOffset() == null ? null : seconds(n.clockOffset()), n.peerRtt().stream().map(StatusDocument::peerRtt).toList())));
        s.clientReads().forEach(c -> hosts.add(new Host(c.name(), "client", c.answered(), c.error(), seconds(c.took()), whole(c.uptime()),
                c.clockOffset() == null ? null : seconds(c.clockOffset()), List.of())));
        List<NodeState> nodes = s.nodes().stream().map(n -> new NodeState(n.name(), n.membership().word(), n.online(), n.name().equals(s.servedBy())))
                .toList();
        List<Drbd> drbd = s.drbd().stream().map(StatusDocument::drbd).toList();
        List<Resource> resources = s.resources().stream().map(r -> new Resource(r.id(), r.agent(), r.where(), r.running(), r.failed(),
                r.failCounts().stream().map(f -> new FailCount(f.node(), f.count())).toList())).toList();
        List<Bond> bonds = new ArrayList<>();
        List<PortRule> rules = new ArrayList<>();
        List<SbdDisk> sbd = new ArrayList<>();
        for (ClusterSnapshot.NodeRead n : s.nodeReads()) {
            project.node(n.name()).ifPresent(node -> node.links().stream().filter(l -> l.bond() != null).forEach(l ->
                    bonds.add(bond(n.name(), l.interfaceName(), n.answered() ? n.bond(l.interfaceName()).orElse(null) : null))));
            n.portBlocks().forEach(r -> rules.add(new PortRule(n.name(), r.line())));
            n.sbd().forEach(d -> sbd.add(new SbdDisk(n.name(), d.device(), d.problem(), d.slots().stream()
                    .map(x -> new SbdSlot(x.slot(), x.node(), x.message(), x.sender())).toList())));
        }
        var state = s.serving().flatMap(s::nodeRead).map(ClusterSnapshot.NodeRead::target).orElse(null);
        Target target = new Target(project.target().iqn(), project.networks().client().virtualIp() + ":" + project.target().portalPort(), s.servedBy(),
                state == null ? null : state.luns(), state == null ? null : state.sessions().stream()
                .map(x -> new TargetSession(x.initiator(), x.addresses())).toList());
        List<Client> clients = s.clientReads().stream().map(c -> new Client(c.name(), c.answered(), c.sessions().stream()
                .map(x -> session(x, c)).toList())).toList();
        return new StatusDocument(SCHEMA, project.clusterName(), s.readAt().toString(), seconds(s.readTime()), a.verdict(), a.verdict().meaning(),
                a.findings(), hosts, nodes, drbd, resources, bonds, target, clients, rules, sbd, s.problems());
    }

    /**
     * This document without what changes every round though nothing happened (when and how long
     * the read took, uptimes, clock offsets, resync progress, round-trip times (whether a ping
     * was answered stays), disk latencies, the findings' wording with its figures): two rounds
     * whose stable documents are equal show the same state.
     */
    public StatusDocument stable() {
        return new StatusDocument(schema, cluster, null, 0, verdict, verdictMeaning,
                findings.stream().map(f -> new Finding(f.severity(), f.code(), f.subject(), null, null)).toList(),
                hosts.stream().map(h -> new Host(h.name(), h.kind(), h.answered(), null, 0, null, null, h.peerRtt().stream()
                        .map(r -> new PeerRtt(r.network(), r.peer(), r.address(), r.outcome(), null, null)).toList())).toList(), nodes,
                drbd.stream().map(d -> new Drbd(d.node(), d.resource(), d.minor(), d.connection(), d.role(), d.peerRole(), d.disk(), d.peerDisk(),
                        null, null, null, null)).toList(), resources, bonds, target,
                clients.stream().map(c -> new Client(c.name(), c.answered(), c.sessions().stream().map(x -> new Session(x.target(), x.portal(),
                        x.initiator(), x.state(), x.replacementTimeoutSeconds(), x.disks().stream().map(d -> new Disk(d.lun(), d.device(), null))
                        .toList())).toList())).toList(), portRules, sbd,
                problems.stream().map(p -> p.replaceAll("\\d+", "#")).toList());
    }

    private static Drbd drbd(ClusterSnapshot.DrbdLine line) {
        DrbdDeviceState d = line.state();
        if (d == null) {
            return new Drbd(line.node(), line.resource(), line.minor(), line.connection(), null, null, null, null, null, null, null, null);
        }
        DrbdDeviceState.SyncProgress p = d.sync();
        return new Drbd(line.node(), line.resource(), line.minor(), d.connectionState(), d.role(), d.peerRole(), d.diskState(), d.peerDiskState(),
                d.outOfSyncKiB() * 1024, p == null ? null : p.percentDone(), p == null ? null : p.speedKiBPerSecond() * 1024,
                p == null || p.finish() == null ? null : p.finish().toSeconds());
    }

    private static Bond bond(String node, String name, BondStatus b) {
        if (b == null) {
            return new Bond(node, name, false, false, null, List.of());
        }
        return new Bond(node, name, true, b.isUp(), b.activeSlave(), b.slaves().stream().map(x -> new Slave(x.name(), x.isUp(), x.linkFailureCount())).toList());
    }

    private static Session session(IscsiSessionDetail x, ClusterSnapshot.ClientRead client) {
        return new Session(x.targetIqn(), x.portal(), x.initiatorName(), x.sessionState(), x.recoveryTimeoutSeconds(),
                x.disks().stream().map(d -> new Disk(d.lun(), d.device(), client.latency().stream().filter(l -> l.device().equals(d.device()))
                        .findFirst().map(StatusDocument::latency).orElse(null))).toList());
    }

    private static Latency latency(ClusterSnapshot.DiskLatency l) {
        return new Latency(l.measured() && l.ios() > 0 ? l.averageMillis() : null, l.ios(), l.inFlight(),
                l.over() == null ? null : seconds(l.over()), l.unmeasured());
    }

    private static PeerRtt peerRtt(ClusterSnapshot.PeerRtt r) {
        String outcome = switch (r.result().outcome()) {
            case REPLY -> "reply";
            case NO_REPLY -> "no reply";
            case ERROR -> "error";
            case NOT_RUN -> "not run";
        };
        return new PeerRtt(r.network().jsonName(), r.peer(), r.address(), outcome, r.result().rttMillis(), r.result().detail());
    }

    private static double seconds(Duration d) {
        return d == null ? 0 : d.toNanos() / 1e9;
    }

    private static Long whole(Duration d) {
        return d == null ? null : d.toSeconds();
    }
}
