package io.tandem.render.modern;

import io.tandem.model.ClusterSettings;
import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.model.Stonith;
import io.tandem.model.StonithType;
import io.tandem.render.FileRenderer;
import io.tandem.render.Header;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.List;

/**
 * {@code /etc/corosync/corosync.conf}: knet with both networks as links (link 0 client, link 1
 * replication), so losing one network does not split the cluster; encrypted with the authkey
 * Tandem generates at apply time; {@code two_node: 1}, or with a quorum device its {@code device}
 * section (ffsplit, the preferred node breaking ties, TLS; with SBD a sync phase within its watchdog
 * timeout). No comments on value lines: corosync refuses them.
 */
public final class CorosyncRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        String config = config(project);
        return project.nodes().stream()
                .map(node -> RenderedFile.whole(node.name(), "/etc/corosync/corosync.conf", config,
                        project.cluster().witness().isPresent()
                                ? "Cluster membership (Corosync 3, knet over both networks, quorum with the third vote of the quorum device)."
                                : "Cluster membership (Corosync 3, knet over both networks, two_node quorum)."))
                .toList();
    }

    /** The {@code nodeid} a node gets: its place in the project's node list, from 1. */
    public static int nodeId(Project project, String node) {
        for (int i = 0; i < project.nodes().size(); i++) {
            if (project.nodes().get(i).name().equals(node)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no node " + node);
    }

    private static final int QDEVICE_DEFAULT_SYNC_TIMEOUT_SECONDS = 30;
    private static final int QDEVICE_DEFAULT_TIMEOUT_MS = 10_000;

    /**
     * The witness votes for the survivor of a crash only once it has dropped the crashed node, which
     * it does after 1.5 heartbeats of silence (a heartbeat is 0.8 × {@code timeout}: 12 s with the
     * default 10 s). The survivor's new membership forms after the token and then the consensus
     * (1.2 × token) have run out, 2.2 × token after the crash; until the vote comes it has no quorum
     * and recovers nothing (seen in the VM lab: the vote 3.5 s after the membership, token 3 s). So
     * {@code timeout} is cut to 1.6 × token, and the witness has dropped the node when the membership forms.
     *
     * <p>sbd trusts the cluster's quorum only while a quorum device's sync phase (corosync's default
     * 30 s) fits in its watchdog timeout; otherwise it logs that quorum is "distrusted" and a node
     * that loses its SBD disk no longer survives on the cluster: it resets itself. So with SBD the
     * sync phase is cut to the watchdog timeout, and {@code timeout} to 0.8 × the sync phase if that
     * is shorter, else a crash just after a heartbeat outlasts the sync phase and the survivor loses
     * quorum (seen in the VM lab with a 5 s watchdog: dropped 12.0 s after the crash, 40 ms after the
     * survivor's sync phase had run out).
     */
    static String qdeviceTimeouts(ClusterSettings cluster) {
        StringBuilder lines = new StringBuilder();
        int heartbeatTimeout = Math.min(QDEVICE_DEFAULT_TIMEOUT_MS, cluster.tokenMs() * 16 / 10 / 100 * 100);
        String why = "the witness drops a silent node after 1.2 x this: before the survivor's new membership (2.2 x token)";
        Stonith stonith = cluster.stonith();
        if (stonith.type() == StonithType.SBD && stonith.sbd().watchdogTimeout() < QDEVICE_DEFAULT_SYNC_TIMEOUT_SECONDS) {
            int watchdog = stonith.sbd().watchdogTimeout();
            lines.append("        # sbd distrusts the quorum when this exceeds its watchdog timeout (").append(watchdog).append(" s)\n")
                    .append("        sync_timeout: ").append(watchdog * 1000).append('\n');
            if (watchdog * 800 < heartbeatTimeout) {
                heartbeatTimeout = watchdog * 800;
                why = "the witness drops a silent node after 1.2 x this: within sync_timeout";
            }
        }
        if (heartbeatTimeout < QDEVICE_DEFAULT_TIMEOUT_MS) {
            lines.append("        # ").append(why).append('\n')
                    .append("        timeout: ").append(heartbeatTimeout).append('\n');
        }
        return lines.toString();
    }

    static String config(Project project) {
        var cluster = project.cluster();
        StringBuilder out = new StringBuilder(Header.hash(project, "Corosync cluster membership."));
        out.append("totem {\n")
                .append("    version: 2\n")
                .append("    cluster_name: ").append(project.clusterName()).append('\n')
                .append("    transport: knet\n")
                .append("    crypto_cipher: aes256\n")
                .append("    crypto_hash: sha256\n")
                .append("    token: ").append(cluster.tokenMs()).append('\n')
                .append("    interface {\n        linknumber: 0\n    }\n")
                .append("    interface {\n        linknumber: 1\n    }\n")
                .append("}\n\n");
        out.append("nodelist {\n");
        for (int i = 0; i < project.nodes().size(); i++) {
            Node node = project.nodes().get(i);
            out.append("    node {\n")
                    .append("        ring0_addr: ").append(node.address(NetworkRole.CLIENT)).append('\n')
                    .append("        ring1_addr: ").append(node.address(NetworkRole.REPLICATION)).append('\n')
                    .append("        name: ").append(node.name()).append('\n')
                    .append("        nodeid: ").append(i + 1).append('\n')
                    .append("    }\n");
        }
        out.append("}\n\n");
        out.append("quorum {\n    provider: corosync_votequorum\n");
        cluster.witness().ifPresentOrElse(device -> out.append("    wait_for_all: 1\n")
                        .append("    device {\n")
                        .append("        model: net\n")
                        .append("        votes: 1\n")
                        .append(qdeviceTimeouts(cluster))
                        .append("        net {\n")
                        .append("            host: ").append(device.addressIn(project)).append('\n')
                        .append("            port: ").append(device.portOrDefault()).append('\n')
                        .append("            algorithm: ffsplit\n")
                        .append("            tie_breaker: ").append(nodeId(project, cluster.preferredNode())).append('\n')
                        .append("            tls: on\n")
                        .append("        }\n")
                        .append("    }\n"),
                () -> out.append("    two_node: ").append(cluster.twoNode() ? 1 : 0).append('\n'));
        out.append("}\n\n");
        out.append("logging {\n")
                .append("    to_logfile: yes\n")
                .append("    logfile: /var/log/corosync/corosync.log\n")
                .append("    to_syslog: yes\n")
                .append("    timestamp: on\n")
                .append("}\n");
        return out.toString();
    }
}
