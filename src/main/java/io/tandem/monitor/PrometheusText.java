package io.tandem.monitor;

import io.tandem.facts.BondStatus;
import io.tandem.model.Project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdict and the main gauges in Prometheus' text exposition format, as node_exporter's
 * textfile collector reads {@code *.prom} files: per metric one {@code # HELP} and one
 * {@code # TYPE} line, then its samples. Every sample carries {@code cluster="NAME"}, so files of
 * several clusters in one collector directory never collide. Label values are escaped as the
 * format requires (backslash, double quote, newline).
 */
public final class PrometheusText {

    private final Map<String, Family> families = new LinkedHashMap<>();
    private final String cluster;

    private PrometheusText(String cluster) {
        this.cluster = cluster;
    }

    private record Family(String help, List<String> samples) {
    }

    public static String render(Project project, ClusterSnapshot s, Assessment a) {
        PrometheusText t = new PrometheusText(project.clusterName());
        t.gauge("tandem_cluster_verdict", "The cluster's verdict: 0 healthy, 1 degraded, 2 at risk, 3 down.", a.verdict().level());
        for (Verdict v : Verdict.values()) {
            t.gauge("tandem_findings", "Findings of the last read by severity (healthy: notes).",
                    a.findings().stream().filter(f -> f.severity() == v).count(), "severity", v.word().replace(' ', '_'));
        }
        for (ClusterSnapshot.NodeRead n : s.nodeReads()) {
            t.gauge("tandem_host_up", "1 when the host answered the status read over SSH.", n.answered() ? 1 : 0, "host", n.name(), "kind", "node");
        }
        for (ClusterSnapshot.ClientRead c : s.clientReads()) {
            t.gauge("tandem_host_up", "1 when the host answered the status read over SSH.", c.answered() ? 1 : 0, "host", c.name(), "kind", "client");
        }
        for (ClusterSnapshot.NodeLine n : s.nodes()) {
            t.gauge("tandem_node_online", "1 when Pacemaker counts the node online (standby and maintenance included).", n.online() ? 1 : 0, "node", n.name());
            t.gauge("tandem_node_serves_target", "1 on the node that serves the iSCSI target.", n.name().equals(s.servedBy()) ? 1 : 0, "node", n.name());
        }
        for (ClusterSnapshot.NodeRead n : s.nodeReads()) {
            if (n.uptime() != null) {
                t.gauge("tandem_node_uptime_seconds", "Seconds since the node booted.", n.uptime().toSeconds(), "node", n.name());
            }
            if (n.clockOffset() != null) {
                t.gauge("tandem_node_clock_offset_seconds", "The node's clock minus the workstation's, measured around the read.",
                        n.clockOffset().toNanos() / 1e9, "node", n.name());
            }
        }
        for (ClusterSnapshot.DrbdLine d : s.drbd()) {
            String[] labels = {"resource", d.resource(), "node", d.node()};
            t.gauge("tandem_drbd_connected", "1 when the DRBD resource is connected to its peer (in sync or resyncing).",
                    d.state() != null && DrbdChecks.connected(d.state().connectionState()) ? 1 : 0, labels);
            t.gauge("tandem_drbd_disk_uptodate", "1 when this node's copy of the resource is UpToDate.",
                    d.state() != null && "UpToDate".equals(d.state().diskState()) ? 1 : 0, labels);
            if (d.state() != null) {
                t.gauge("tandem_drbd_out_of_sync_bytes", "Bytes this node knows differ from the peer's copy.", d.state().outOfSyncKiB() * 1024, labels);
                t.gauge("tandem_drbd_sync_percent", "Resync progress in percent; 100 when both copies are UpToDate.", d.state().sync() != null
                        ? d.state().sync().percentDone() : d.healthy() ? 100 : 0, labels);
            }
        }
        for (ClusterSnapshot.NodeRead n : s.nodeReads()) {
            for (BondStatus b : n.bonds()) {
                t.gauge("tandem_bond_slaves_up", "NICs of the bond with a link.", b.slaves().stream().filter(BondStatus.Slave::isUp).count(),
                        "node", n.name(), "bond", b.name());
                t.gauge("tandem_bond_slaves", "NICs in the bond.", b.slaves().size(), "node", n.name(), "bond", b.name());
                for (BondStatus.Slave slave : b.slaves()) {
                    t.gauge("tandem_bond_slave_link_failures", "Link failures the bonding driver counted for the NIC since it joined the bond.",
                            slave.linkFailureCount(), "node", n.name(), "bond", b.name(), "slave", slave.name());
                }
            }
        }
        for (ClusterSnapshot.ResourceLine r : s.resources()) {
            t.gauge("tandem_resource_running", "1 when the cluster resource runs somewhere.", r.running() ? 1 : 0, "resource", r.id());
            r.failCounts().forEach(f -> t.gauge("tandem_resource_fail_count", "Failures Pacemaker counts for the resource on the node.",
                    f.count() == Integer.MAX_VALUE ? Double.POSITIVE_INFINITY : f.count(), "resource", r.id(), "node", f.node()));
        }
        for (ClusterSnapshot.ClientRead c : s.clientReads()) {
            if (c.answered()) {
                t.gauge("tandem_iscsi_sessions", "The client's logged-in iSCSI sessions to the project's target.", c.sessions().stream()
                        .filter(x -> x.loggedIn() && x.targetIqn().equals(project.target().iqn())).count(), "client", c.name());
            }
        }
        s.serving().flatMap(s::nodeRead).filter(n -> n.target() != null).ifPresent(n -> t.gauge("tandem_target_sessions",
                "Sessions the target lists on the node that serves it.", n.target().sessions().size(), "node", n.name()));
        t.gauge("tandem_status_read_seconds", "Wall time of the status read (every host, one round trip each).", s.readTime().toNanos() / 1e9);
        t.gauge("tandem_status_read_timestamp_seconds", "When the status was read, in seconds since the epoch.",
                s.readAt().getEpochSecond() + s.readAt().getNano() / 1e9);
        return t.text();
    }

    private void gauge(String name, String help, double value, String... labels) {
        StringBuilder sample = new StringBuilder(name).append("{cluster=\"").append(escape(cluster)).append('"');
        for (int i = 0; i + 1 < labels.length; i += 2) {
            sample.append(',').append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
        }
        sample.append("} ").append(number(value));
        families.computeIfAbsent(name, n -> new Family(help, new ArrayList<>())).samples().add(sample.toString());
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        families.forEach((name, f) -> {
            out.append("# HELP ").append(name).append(' ').append(f.help()).append('\n');
            out.append("# TYPE ").append(name).append(" gauge\n");
            f.samples().forEach(s -> out.append(s).append('\n'));
        });
        return out.toString();
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String number(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.6f", value).replaceFirst("0+$", "");
    }
}
