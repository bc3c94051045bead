package io.tandem.gui.home;

import io.tandem.facts.BondStatus;
import io.tandem.facts.DrbdDeviceState;
import io.tandem.facts.IscsiSessionDetail;
import io.tandem.facts.TargetState;
import io.tandem.model.Initiator;
import io.tandem.model.NetworkLink;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.model.StonithType;
import io.tandem.monitor.Amounts;
import io.tandem.monitor.ClusterSnapshot;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The monitoring view's detail cards as rows of words: per node, per DRBD device, per bond, the
 * target, each client and fencing, from one round's snapshot. Pure, so what the view says is
 * tested without a window. A host whose data is stale says so on its rows instead of showing
 * old facts as if they were current.
 */
final class StatusRows {

    /** How a row is marked: fine, needs a look, wrong, or not known (stale or not read). */
    enum Mark { GOOD, WARN, BAD, UNKNOWN }

    record Row(Mark mark, String name, String state) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private StatusRows() {
    }

    static String staleWords(Instant since) {
        return "no fresh data since " + TIME.format(since) + " (stale)";
    }

    static List<Row> nodes(Project project, ClusterSnapshot s, Map<String, Instant> stale) {
        List<Row> rows = new ArrayList<>();
        for (Node node : project.nodes()) {
            String name = node.name();
            Optional<ClusterSnapshot.NodeRead> read = s.nodeRead(name).filter(ClusterSnapshot.NodeRead::answered);
            ClusterSnapshot.Membership membership = s.node(name).map(ClusterSnapshot.NodeLine::membership).orElse(ClusterSnapshot.Membership.UNKNOWN);
            List<String> parts = new ArrayList<>();
            parts.add(read.isPresent() ? "reachable" : stale.containsKey(name) ? staleWords(stale.get(name)) : "not reachable");
            parts.add(membership == ClusterSnapshot.Membership.UNKNOWN ? "membership unknown" : membership.word() + " in the cluster");
            read.map(ClusterSnapshot.NodeRead::uptime).filter(u -> u != null).ifPresent(u -> parts.add("up " + Amounts.duration(u)));
            read.map(ClusterSnapshot.NodeRead::clockOffset).filter(o -> o != null).ifPresent(o -> parts.add("clock " + Amounts.offset(o)));
            read.map(StatusRows::peerRtt).filter(t -> !t.isEmpty()).ifPresent(parts::add);
            List<String> running = s.resources().stream().filter(r -> r.where().contains(name)).map(ClusterSnapshot.ResourceLine::id).toList();
            parts.add(running.isEmpty() ? "runs no resource" : "runs " + String.join(", ", running));
            Mark mark = read.isEmpty() ? Mark.UNKNOWN : membership == ClusterSnapshot.Membership.ONLINE ? Mark.GOOD
                    : membership == ClusterSnapshot.Membership.OFFLINE || membership == ClusterSnapshot.Membership.UNCLEAN ? Mark.BAD : Mark.WARN;
            rows.add(new Row(mark, name, String.join(", ", parts)));
        }
        return rows;
    }

    /** "round trip to node2: client network 0.21 ms, replication network no reply". */
    static String peerRtt(ClusterSnapshot.NodeRead read) {
        if (read.peerRtt().isEmpty()) {
            return "";
        }
        return "round trip to " + read.peerRtt().getFirst().peer() + ": " + read.peerRtt().stream().map(r -> r.network().jsonName() + " network "
                + (r.result().replied() ? Amounts.millis(r.result().rttMillis()) : r.result().outcome() == io.tandem.facts.PingResult.Outcome.NO_REPLY
                ? "no reply" : "not measured (" + r.result().detail() + ")")).collect(Collectors.joining(", "));
    }

    static List<Row> replication(ClusterSnapshot s, Map<String, Instant> stale) {
        List<Row> rows = new ArrayList<>();
        for (ClusterSnapshot.DrbdLine d : s.drbd()) {
            List<String> parts = new ArrayList<>(List.of(d.roles(), d.connection(), d.disks()));
            DrbdDeviceState state = d.state();
            if (state != null && state.isSyncing()) {
                DrbdDeviceState.SyncProgress p = state.sync();
                parts.add(String.format(Locale.ROOT, "%s %.1f %% at %s, %s left", p.verify() ? "verify" : "resync", p.percentDone(),
                        Amounts.rate(p.speedKiBPerSecond()), p.finish() == null ? "?" : Amounts.duration(p.finish())));
            }
            if (state != null && state.outOfSyncKiB() > 0) {
                parts.add(Amounts.kib(state.outOfSyncKiB()) + " out of sync");
            }
            Mark mark = d.healthy() && (state == null || state.outOfSyncKiB() == 0) ? Mark.GOOD
                    : d.connection().equals("StandAlone") || d.connection().equals("Unconfigured") ? Mark.BAD : Mark.WARN;
            rows.add(new Row(mark, d.resource() + " on " + d.node(), String.join(", ", parts)));
        }
        stale.keySet().stream().filter(h -> s.drbd().stream().noneMatch(d -> d.node().equals(h)) && s.nodeRead(h).isPresent())
                .forEach(h -> rows.add(new Row(Mark.UNKNOWN, h, staleWords(stale.get(h)))));
        return rows;
    }

    static List<Row> bonds(Project project, ClusterSnapshot s) {
        List<Row> rows = new ArrayList<>();
        for (Node node : project.nodes()) {
            Optional<ClusterSnapshot.NodeRead> read = s.nodeRead(node.name()).filter(ClusterSnapshot.NodeRead::answered);
            for (NetworkLink link : node.links()) {
                if (link.bond() == null) {
                    continue;
                }
                String name = link.interfaceName() + " on " + node.name();
                Optional<BondStatus> bond = read.flatMap(r -> r.bond(link.interfaceName()));
                if (read.isEmpty()) {
                    rows.add(new Row(Mark.UNKNOWN, name, "not read"));
                } else if (bond.isEmpty()) {
                    rows.add(new Row(Mark.BAD, name, "does not exist"));
                } else {
                    BondStatus b = bond.get();
                    String slaves = link.bond().slaves().stream().map(n -> b.slave(n).map(x -> n + " " + (x.isUp() ? "up" : "DOWN")
                            + (x.linkFailureCount() > 0 ? " (" + x.linkFailureCount() + " link failure" + (x.linkFailureCount() == 1 ? "" : "s") + ")" : ""))
                            .orElse(n + " missing")).collect(Collectors.joining(", "));
                    boolean allUp = link.bond().slaves().stream().allMatch(n -> b.slave(n).map(BondStatus.Slave::isUp).orElse(false));
                    rows.add(new Row(!b.isUp() ? Mark.BAD : allUp ? Mark.GOOD : Mark.WARN, name,
                            "active " + (b.activeSlave() == null ? "none" : b.activeSlave()) + "; " + slaves));
                }
            }
        }
        return rows;
    }

    static List<Row> target(Project project, ClusterSnapshot s) {
        List<Row> rows = new ArrayList<>();
        String served = s.servedBy();
        rows.add(new Row(served == null ? Mark.BAD : Mark.GOOD, "Target", project.target().iqn() + " at " + project.networks().client().virtualIp()
                + ":" + project.target().portalPort() + (served == null ? ", not served" : ", served by " + served)));
        Optional<TargetState> state = Optional.ofNullable(served).flatMap(s::nodeRead).map(ClusterSnapshot.NodeRead::target);
        state.ifPresent(t -> {
            List<Integer> expected = project.target().luns().stream().map(io.tandem.model.Lun::number).toList();
            rows.add(new Row(t.luns().containsAll(expected) ? Mark.GOOD : Mark.BAD, "LUNs", t.luns().isEmpty() ? "none exported"
                    : t.luns().stream().map(String::valueOf).collect(Collectors.joining(", ")) + " exported"));
            if (t.sessions().isEmpty()) {
                rows.add(new Row(Mark.WARN, "Sessions", "no initiator is logged in"));
            }
            for (TargetState.Session session : t.sessions()) {
                rows.add(new Row(Mark.GOOD, "Session", session.initiator() + (session.addresses().isEmpty() ? "" : " from "
                        + String.join(", ", session.addresses()))));
            }
        });
        return rows;
    }

    static List<Row> initiators(Project project, ClusterSnapshot s, Map<String, Instant> stale) {
        List<Row> rows = new ArrayList<>();
        for (Initiator client : project.managedInitiators()) {
            Optional<ClusterSnapshot.ClientRead> read = s.clientRead(client.name()).filter(ClusterSnapshot.ClientRead::answered);
            if (read.isEmpty()) {
                rows.add(new Row(Mark.UNKNOWN, client.name(), stale.containsKey(client.name()) ? staleWords(stale.get(client.name())) : "not reachable"));
                continue;
            }
            Optional<IscsiSessionDetail> session = read.get().sessions().stream().filter(x -> x.targetIqn().equals(project.target().iqn())).findFirst();
            if (session.isEmpty()) {
                rows.add(new Row(Mark.BAD, client.name(), "no session to the target"));
                continue;
            }
            IscsiSessionDetail x = session.get();
            List<ClusterSnapshot.DiskLatency> latency = read.get().latency();
            String disks = x.disks().isEmpty() ? "no disk" : x.disks().stream().map(d -> "/dev/" + d.device() + " (LUN " + d.lun() + ")"
                    + latency.stream().filter(l -> l.device().equals(d.device())).findFirst().map(l -> ": " + Amounts.latency(l.averageMillis(),
                    l.ios(), l.inFlight(), l.over(), l.unmeasured())).orElse("")).collect(Collectors.joining("; "));
            boolean stalled = latency.stream().anyMatch(ClusterSnapshot.DiskLatency::stalled);
            rows.add(new Row(!x.loggedIn() ? Mark.BAD : stalled ? Mark.WARN : Mark.GOOD, client.name(),
                    (x.loggedIn() ? "logged in" : "session " + x.sessionState()) + " to " + x.portal() + "; " + disks));
        }
        if (project.managedInitiators().isEmpty()) {
            rows.add(new Row(Mark.UNKNOWN, "Clients", "Tandem manages no client in this project"));
        }
        return rows;
    }

    static List<Row> fencing(Project project, ClusterSnapshot s) {
        List<Row> rows = new ArrayList<>();
        StonithType type = project.cluster().stonith().type();
        Boolean enabled = s.pacemaker().map(p -> p.summary().stonithEnabled()).orElse(null);
        rows.add(new Row(type == StonithType.NONE || Boolean.FALSE.equals(enabled) ? Mark.BAD : Mark.GOOD, "Fencing",
                type == StonithType.NONE ? "none configured: a node that hangs cannot be stopped, so a failover can corrupt data"
                        : type.name().toLowerCase(Locale.ROOT) + (enabled == null ? "" : enabled ? ", enabled" : ", DISABLED in the cluster")));
        for (ClusterSnapshot.NodeRead read : s.nodeReads()) {
            for (ClusterSnapshot.SbdDisk disk : read.sbd()) {
                boolean clear = disk.problem() == null && disk.slots().stream().allMatch(io.tandem.facts.SbdSlots.Slot::clear);
                rows.add(new Row(disk.problem() != null ? Mark.BAD : clear ? Mark.GOOD : Mark.WARN, "SBD from " + read.name(),
                        disk.device() + ": " + (disk.problem() != null ? disk.problem() : disk.slots().stream()
                                .map(x -> x.node() + " " + x.message()).collect(Collectors.joining(", ")))));
            }
        }
        return rows;
    }
}
