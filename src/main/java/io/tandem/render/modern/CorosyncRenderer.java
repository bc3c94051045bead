package io.tandem.render.modern;

import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.Header;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.List;

/**
 * {@code /etc/corosync/corosync.conf}: knet with both networks as links (link 0 client, link 1
 * replication), so losing one network does not split the cluster; encrypted with the authkey
 * Tandem generates at apply time; {@code two_node: 1}, or with a quorum device its {@code device}
 * section (ffsplit, the preferred node breaking ties, TLS). No comments on value lines: corosync
 * refuses them.
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
