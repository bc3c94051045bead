package io.tandem.render.modern;

import io.tandem.model.Bond;
import io.tandem.model.NetworkLink;
import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.Header;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Debian: one {@code /etc/network/interfaces.d/IFACE} per link, bonds through ifenslave's bond-* options. */
public final class IfupdownRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        List<RenderedFile> files = new ArrayList<>();
        for (Node node : project.nodes()) {
            if (node.os().usesNetplan()) {
                continue;
            }
            for (NetworkLink link : node.links()) {
                files.add(RenderedFile.whole(node.name(), path(link),
                        stanza(project, node, link), "The " + link.network().jsonName() + " network interface "
                                + link.interfaceName() + (link.bond() == null ? "" : " (a bond of " + String.join(" and ", link.bond().slaves()) + ")")
                                + " with its static address, for ifupdown."));
            }
        }
        return files;
    }

    /** The link's own file: apply takes down and up only the links whose file changed. */
    public static String path(NetworkLink link) {
        return "/etc/network/interfaces.d/" + link.interfaceName();
    }

    private static String stanza(Project project, Node node, NetworkLink link) {
        var network = project.networks().get(link.network());
        StringBuilder out = new StringBuilder(Header.hash(project, "The " + link.network().jsonName() + " network link."));
        Bond bond = link.bond();
        // Slaves get no stanza of their own: ifenslave enslaves them from bond-slaves, the form
        // proven in the reference lab (a second "bond-master" path races with it).
        out.append("auto ").append(link.interfaceName()).append('\n')
                .append("iface ").append(link.interfaceName()).append(" inet static\n")
                .append("    address ").append(link.address()).append('/').append(network.prefixLength()).append('\n');
        if (network.gateway() != null) {
            out.append("    gateway ").append(network.gateway()).append('\n');
        }
        Optional<ReplicationFallback> fallback = ReplicationFallback.of(project, node);
        if (bond != null) {
            out.append("    bond-slaves ").append(String.join(" ", bond.slaves())).append('\n')
                    .append("    bond-mode ").append(bond.mode().kernelName()).append('\n');
            if (fallback.isPresent() && link.network() == NetworkRole.REPLICATION) {
                // ARP to the peer instead of the carrier: a cut beyond this NIC (a switch, the peer's
                // NIC) leaves the carrier up, and only a bond without link makes ReplicationFallback's service reroute.
                out.append("    # Checked by ARP to the peer: replication falls back to the client network while no NIC reaches it.\n")
                        .append("    bond-arp-interval ").append(bond.miimon()).append('\n')
                        .append("    bond-arp-ip-target ").append(fallback.get().arpTarget()).append('\n')
                        .append("    bond-arp-validate all\n");
            } else {
                out.append("    bond-miimon ").append(bond.miimon()).append('\n')
                        .append("    bond-updelay ").append(bond.updelay()).append('\n')
                        .append("    bond-downdelay ").append(bond.downdelay()).append('\n');
            }
            if (bond.primary() != null) {
                out.append("    bond-primary ").append(bond.primary()).append('\n');
            }
        }
        return out.toString();
    }
}
