package io.tandem.render.modern;

import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.Project;

import java.util.Optional;

/**
 * The replication network's fallback over the client network ({@code fallbackOverClient}): while a
 * node's replication bond has no working NIC, the kernel skips its route (sysctl
 * {@code ignore_routes_with_linkdown}) and takes a second one to the replication subnet through the
 * peer's client address, so DRBD's and Corosync's connections to the peer's replication address go on
 * over the client network instead of breaking. DRBD never loses its peer, so its fence-peer handler
 * does not run and writes are not held (a cut replication link paused them 5–6 s in the VM lab).
 * The bond checks its link by ARP to the peer, since a NIC keeps its carrier when the cut is beyond it
 * (a switch, the peer's NIC).
 *
 * @param arpTarget the peer's replication address, which the replication bond probes
 * @param subnet    the replication subnet, routed through {@code via} while the bond is down
 * @param via       the peer's client address
 * @param metric    the fallback route's metric: above the replication bond's own route (0)
 */
public record ReplicationFallback(String arpTarget, String subnet, String via, int metric) {

    public static final int METRIC = 100;

    /** The fallback as seen from {@code node}, when the project asks for it. */
    public static Optional<ReplicationFallback> of(Project project, Node node) {
        if (!project.networks().replication().fallsBackOverClient()) {
            return Optional.empty();
        }
        Node peer = project.peerOf(node.name());
        return Optional.of(new ReplicationFallback(peer.address(NetworkRole.REPLICATION), project.networks().replication().cidr(),
                peer.address(NetworkRole.CLIENT), METRIC));
    }

    /** The route as {@code ip route} takes it after {@code add}, {@code replace} or {@code del}. */
    public String route(String clientInterface) {
        return subnet + " via " + via + " dev " + clientInterface + " metric " + metric;
    }
}
