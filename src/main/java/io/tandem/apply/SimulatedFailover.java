package io.tandem.apply;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A failover test in the demo: what the real hosts would do when Tandem's failover drill runs its
 * scripts there. A move or a crash hands the storage to the other node with the paced phases of a
 * real failover (the group stopped, DRBD demoted and promoted, the group started one member after
 * another); the initiator's probe ({@link Probe}) stalls over that outage; the nodes' journals get
 * Pacemaker's and corosync's own lines for it, so the drill builds its timeline as on real servers.
 */
final class SimulatedFailover {

    /** A time the initiator could not reach its disk, epoch seconds. */
    record Outage(double from, double to) {
    }

    private record JournalLine(double at, String host, String ident, String message) {
    }

    private final SimulatedCluster cluster;
    private final List<Outage> outages = new CopyOnWriteArrayList<>();
    private final List<JournalLine> journal = new CopyOnWriteArrayList<>();
    private final Map<String, Probe> probes = new ConcurrentHashMap<>();

    SimulatedFailover(SimulatedCluster cluster) {
        this.cluster = cluster;
    }

    static double now() {
        Instant i = Instant.now();
        return i.getEpochSecond() + i.getNano() / 1e9;
    }

    private double seconds(long millis) {
        return cluster.scaled(millis).toNanos() / 1e9;
    }

    /**
     * A planned move to {@code to} starting at {@code t0}: the group stops on the serving node, DRBD
     * is demoted there and promoted on {@code to}, the group starts there. Returns when it is done.
     */
    double move(String to, double t0) {
        String from = cluster.servingNode();
        double t = t0 + seconds(200);
        t = stopGroup(from, t);
        t = drbd("demote", from, t);
        t = drbd("promote", to, t);
        double started = startGroup(to, t);
        outages.add(new Outage(t0 + seconds(300), started + seconds(400)));
        cluster.handOver(to, started);
        return started;
    }

    /** {@code from} crashed at {@code t0}: the other node notices the lost token, fences, promotes and starts the group. */
    double crash(double t0) {
        String from = cluster.servingNode();
        String to = cluster.standbyNode();
        log(t0 + seconds(1500), to, "corosync[815]", "  [TOTEM ] Token has not been received in 1500 ms");
        log(t0 + seconds(2000), to, "corosync[815]", "  [TOTEM ] A processor failed, forming new configuration: token timed out (2000ms), "
                + "waiting 2400ms for consensus.");
        log(t0 + seconds(4400), to, "corosync[815]", "  [TOTEM ] A new membership (2.1e) was formed. Members left: 1");
        double t = t0 + seconds(4600);
        var stonith = cluster.project().cluster().stonith();
        if (stonith.type() != io.tandem.model.StonithType.NONE) {
            t += seconds(1000);
            log(t, to, "pacemaker-controld[882]", " notice: Peer " + from + " was terminated (" + stonith.afterFencing().keyword() + ") by " + to
                    + " on behalf of pacemaker-controld.882: OK");
        }
        t = drbd("promote", to, t + seconds(100));
        double started = startGroup(to, t);
        outages.add(new Outage(t0, started + seconds(400)));
        cluster.crashed(to, started);
        return started;
    }

    private double stopGroup(String node, double t) {
        List<String> group = cluster.groupMembers();
        for (int i = group.size() - 1; i >= 0; i--) {
            t = operation("stop", group.get(i), node, t, 300);
        }
        return t;
    }

    private double startGroup(String node, double t) {
        for (String member : cluster.groupMembers()) {
            t = operation("start", member, node, t, member.equals("p_target") ? 900 : 400);
        }
        return t;
    }

    private double drbd(String op, String node, double t) {
        for (String clone : cluster.drbdPrimitives()) {
            t = operation(op, clone, node, t, 400);
        }
        return t;
    }

    private double operation(String op, String resource, String node, double t, long millis) {
        log(t, node, "pacemaker-controld[882]", " notice: Requesting local execution of " + op + " operation for " + resource + " on " + node);
        double end = t + seconds(millis);
        log(end, node, "pacemaker-controld[882]", " notice: Result of " + op + " operation for " + resource + " on " + node + ": ok");
        return end + seconds(100);
    }

    private void log(double at, String host, String ident, String message) {
        journal.add(new JournalLine(at, host, ident, message));
    }

    /** {@code journalctl --since=@SINCE -o short-unix} on {@code host}: the lines up to now. */
    String journal(String host, double since) {
        double now = now();
        StringBuilder out = new StringBuilder();
        journal.stream().filter(l -> l.host.equals(host) && l.at >= since && l.at <= now)
                .sorted(java.util.Comparator.comparingDouble(JournalLine::at))
                .forEach(l -> out.append(String.format(Locale.ROOT, "%.6f %s %s: %s%n", l.at, l.host, l.ident, l.message)));
        return out.toString();
    }

    Probe startProbe(String run, int intervalMs) {
        return probes.computeIfAbsent(run, r -> new Probe(now(), intervalMs, outages));
    }

    Probe probe(String run) {
        return probes.get(run);
    }

    /**
     * The demo's probe: a write and a read every interval, a few milliseconds each, except over an
     * outage, where the I/O in flight waits until the outage ends (as iSCSI holds it within the
     * replacement timeout). Its log is made again from the start at each read, so it is the same
     * log a real probe would have grown.
     */
    static final class Probe {
        private final double start;
        private final int intervalMs;
        private final List<Outage> outages;
        private volatile double stoppedAt = Double.NaN;

        Probe(double start, int intervalMs, List<Outage> outages) {
            this.start = start;
            this.intervalMs = intervalMs;
            this.outages = outages;
        }

        void stop() {
            if (Double.isNaN(stoppedAt)) {
                stoppedAt = now();
            }
        }

        String log(double now) {
            StringBuilder out = new StringBuilder("START run=demo blocks=16384 interval_ms=" + intervalMs + "\n");
            double until = Double.isNaN(stoppedAt) ? now : Math.min(now, stoppedAt);
            double t = start;
            long seq = 0;
            while (t < until) {
                double write = latency(t, seq);
                if (t + write > now) {
                    return out.toString(); // still in flight
                }
                out.append(String.format(Locale.ROOT, "%.6f %.3f OK w %d%n", t, write * 1000, seq));
                double r = t + write;
                double read = latency(r, seq + 7);
                if (r + read > now) {
                    return out.toString();
                }
                out.append(String.format(Locale.ROOT, "%.6f %.3f OK r %d%n", r, read * 1000, seq / 2));
                seq++;
                t = Math.max(t + intervalMs / 1000.0, r + read);
            }
            if (!Double.isNaN(stoppedAt) && now >= stoppedAt) {
                out.append("VERIFY acked=").append(seq).append(" lost=0 corrupt=0 unreadable=0\n");
            }
            return out.toString();
        }

        /** Seconds an I/O started at {@code t} takes: 1-4 ms, or until the outage it fell into ends. */
        private double latency(double t, long seed) {
            double base = (1 + (seed * 2654435761L & 0xff) / 85.0) / 1000.0;
            for (Outage o : outages) {
                if (t >= o.from() && t < o.to()) {
                    return o.to() - t + base;
                }
            }
            return base;
        }
    }
}
