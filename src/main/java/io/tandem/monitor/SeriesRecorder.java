package io.tandem.monitor;

import io.tandem.facts.DrbdDeviceState;
import io.tandem.facts.PingResult;
import io.tandem.model.DrbdResource;
import io.tandem.model.NetworkRole;
import io.tandem.model.Project;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Feeds one cluster's {@link TimeSeriesStore} from its monitoring rounds: each client's I/O
 * latency per session disk, each node's round trip to its peer per network, each DRBD resource's
 * resync rate (0 while in sync), and markers for what changed (a node or a link down and back, a
 * split brain, the target moving). A host's answer is recorded once: a round that reuses a slow
 * host's last answer adds nothing for it. A host that does not answer leaves a gap. Called by one
 * monitor thread.
 */
public final class SeriesRecorder {

    /** The problems marked on the time axis, in short words. */
    private static final Map<String, String> MARKED = Map.ofEntries(Map.entry("node.offline", "node down"),
            Map.entry("node.unclean", "node unclean"), Map.entry("host.stale", "no answer"), Map.entry("drbd.disconnected", "replication link down"),
            Map.entry("drbd.standalone", "replication stopped"), Map.entry("drbd.split-brain", "split brain"),
            Map.entry("bond.slave-down", "bond NIC down"), Map.entry("bond.down", "bond down"), Map.entry("cluster.split", "cluster split"),
            Map.entry("target.stopped", "target stopped"), Map.entry("host.back", "answers again"));

    private final Project project;
    private final TimeSeriesStore store;
    private final Map<String, Object> recorded = new HashMap<>();
    private String servedBy;
    private boolean first = true;

    public SeriesRecorder(Project project, TimeSeriesStore store) {
        this.project = project;
        this.store = store;
    }

    public TimeSeriesStore store() {
        return store;
    }

    public void record(ClusterSnapshot s, List<MonitorEvent> events, Instant at) {
        s.clientReads().forEach(c -> client(c, at));
        s.nodeReads().forEach(n -> node(n, at));
        for (DrbdResource r : project.replication().resources()) {
            store.add(SeriesNames.resync(r.name()), at, resyncMiBps(s, r.name()));
        }
        markers(s, events, at);
    }

    private void client(ClusterSnapshot.ClientRead c, Instant at) {
        if (!c.answered() || c.disks() == null) {
            recorded.remove(c.name());
            String prefix = SeriesNames.latency(c.name(), "");
            store.names().stream().filter(n -> n.startsWith(prefix)).forEach(n -> store.add(n, at, Double.NaN));
            return;
        }
        if (Objects.equals(recorded.put(c.name(), c.disks().hostNanos()), c.disks().hostNanos())) {
            return;
        }
        for (ClusterSnapshot.DiskLatency l : c.latency()) {
            store.add(SeriesNames.latency(c.name(), l.device()), at, latency(l));
        }
    }

    /** The mean I/O time; lost when I/Os waited the whole interval and none completed; none without I/O or figures. */
    static double latency(ClusterSnapshot.DiskLatency l) {
        if (!l.measured()) {
            return Double.NaN;
        }
        if (l.stalled()) {
            return SeriesWindow.LOST;
        }
        return l.ios() == 0 ? Double.NaN : l.averageMillis();
    }

    private void node(ClusterSnapshot.NodeRead n, Instant at) {
        if (!n.answered()) {
            recorded.remove(n.name());
            for (NetworkRole role : NetworkRole.values()) {
                store.add(SeriesNames.rtt(role, n.name()), at, Double.NaN);
            }
            return;
        }
        // A reused answer is the same record: its read took exactly as long.
        if (Objects.equals(recorded.put(n.name(), n.took()), n.took())) {
            return;
        }
        for (ClusterSnapshot.PeerRtt r : n.peerRtt()) {
            store.add(SeriesNames.rtt(r.network(), n.name()), at, rtt(r.result()));
        }
    }

    static double rtt(PingResult p) {
        return switch (p.outcome()) {
            case REPLY -> p.rttMillis();
            case NO_REPLY, ERROR -> SeriesWindow.LOST;
            case NOT_RUN -> Double.NaN;
        };
    }

    /** The resource's resync rate as its nodes report it; 0 when they are connected and not syncing; none when no node was read. */
    private static double resyncMiBps(ClusterSnapshot s, String resource) {
        List<ClusterSnapshot.DrbdLine> lines = s.drbd().stream().filter(d -> d.resource().equals(resource) && d.state() != null).toList();
        if (lines.isEmpty()) {
            return Double.NaN;
        }
        return lines.stream().map(ClusterSnapshot.DrbdLine::state).filter(DrbdDeviceState::isSyncing)
                .mapToDouble(d -> d.sync().speedKiBPerSecond() / 1024.0).max().orElse(0);
    }

    private void markers(ClusterSnapshot s, List<MonitorEvent> events, Instant at) {
        // One marker per kind of change a round: two resources disconnecting together are one event on the axis.
        Map<String, StringBuilder> faults = new LinkedHashMap<>();
        Map<String, StringBuilder> back = new LinkedHashMap<>();
        for (MonitorEvent e : events) {
            String words = MARKED.get(e.code());
            if (words == null || e.kind().equals("verdict")) {
                continue;
            }
            boolean over = e.kind().equals("cleared") || e.kind().equals("back");
            words = e.kind().equals("cleared") ? "cleared: " + words : words;
            Map<String, StringBuilder> into = over ? back : faults;
            StringBuilder subjects = into.get(words);
            if (subjects == null) {
                into.put(words, new StringBuilder(e.subject()));
            } else if (!subjects.toString().contains(e.subject())) {
                subjects.append(", ").append(e.subject());
            }
        }
        faults.forEach((words, subjects) -> store.mark(at, ChartMarker.Kind.FAULT, words + " (" + subjects + ")"));
        back.forEach((words, subjects) -> store.mark(at, ChartMarker.Kind.RECOVERY, words + " (" + subjects + ")"));
        String now = s.servedBy();
        if (!first && !Objects.equals(now, servedBy)) {
            if (now == null) {
                store.mark(at, ChartMarker.Kind.FAULT, "target stopped on " + servedBy);
            } else {
                store.mark(at, ChartMarker.Kind.MOVE, servedBy == null ? "target started on " + now : "target moved to " + now);
            }
        }
        servedBy = now;
        first = false;
    }
}
