package io.tandem.render.modern;

import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.Header;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;
import io.tandem.text.ShellQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The replication network's fallback over the client network ({@code fallbackOverClient}). The
 * replication bond checks its link by ARP to the peer (a cut beyond this node's NIC, at a switch or
 * the peer, leaves the carrier up), and a small service, {@code tandem-replication-fallback}, routes
 * the peer's replication address through the peer's client address while the bond has no link: DRBD's
 * and Corosync's connections to that address go on over the client network, DRBD keeps its peer, so
 * its fence-peer handler does not run and writes are not held (a cut replication link paused them 5–6 s
 * in the VM lab; with the fallback 0.7–1.6 s, TCP retransmitting over the new route; before the service
 * also deleted the bond's neighbour entry for the peer, a packet held there made DRBD lose its peer
 * in about one cut in eight, 5.2 s). A host route switched by the service rather
 * than a standing route the kernel skips while the bond is down ({@code ignore_routes_with_linkdown}):
 * the bonding driver looks its ARP target up in the same routes, stops probing when the route leads
 * elsewhere, and the bond would never come back (seen in the VM lab).
 *
 * @param bond      this node's replication interface
 * @param arpTarget the peer's replication address, which the bond probes and the route leads to
 * @param via       the peer's client address
 * @param client    this node's client interface
 */
public record ReplicationFallback(String bond, String arpTarget, String via, String client) {

    public static final String SCRIPT_PATH = "/usr/local/sbin/tandem-replication-fallback";
    public static final String UNIT = "tandem-replication-fallback.service";
    public static final String UNIT_PATH = "/etc/systemd/system/" + UNIT;

    /** The fallback as seen from {@code node}, when the project asks for it. */
    public static Optional<ReplicationFallback> of(Project project, Node node) {
        if (!project.networks().replication().fallsBackOverClient()) {
            return Optional.empty();
        }
        Node peer = project.peerOf(node.name());
        return Optional.of(new ReplicationFallback(node.interfaceName(NetworkRole.REPLICATION), peer.address(NetworkRole.REPLICATION),
                peer.address(NetworkRole.CLIENT), node.interfaceName(NetworkRole.CLIENT)));
    }

    /** The service's command line. */
    public String command() {
        return SCRIPT_PATH + " " + ShellQuote.join(List.of(bond, arpTarget, via, client));
    }

    /** The script and the unit that runs it, on each node, when the project falls back. */
    public static final class Files implements FileRenderer {

        @Override
        public List<RenderedFile> render(Project project, SecretBook secrets) {
            if (!project.networks().replication().fallsBackOverClient()) {
                return List.of();
            }
            List<RenderedFile> files = new ArrayList<>(BundledAgent.onEveryNode(project, SCRIPT_PATH, script(),
                    "Routes the peer's replication address over the client network while the replication bond has no link."));
            for (Node node : project.nodes()) {
                of(project, node).ifPresent(fallback -> files.add(RenderedFile.whole(node.name(), UNIT_PATH, fallback.unit(project),
                        "Runs tandem-replication-fallback for " + fallback.bond() + " from boot on, restarted if it stops.")));
            }
            return files;
        }
    }

    String unit(Project project) {
        return Header.hash(project, "Replication over the client network while the replication link is down.")
                + "[Unit]\n"
                + "Description=Tandem: replication to " + arpTarget + " over " + client + " while " + bond + " has no link\n"
                + "After=network.target\n"
                // Never given up: a node without it loses its replication when the link is cut.
                + "StartLimitIntervalSec=0\n"
                + "\n"
                + "[Service]\n"
                + "ExecStart=" + command() + "\n"
                + "Restart=always\n"
                + "RestartSec=1\n"
                + "\n"
                + "[Install]\n"
                + "WantedBy=multi-user.target\n";
    }

    /** The script as shipped in Tandem's jar (bash: it waits for link events with a timeout). */
    public static String script() {
        return BundledAgent.text("tandem-replication-fallback", "#!/bin/bash\n");
    }
}
