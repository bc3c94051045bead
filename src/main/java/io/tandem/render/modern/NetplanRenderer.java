package io.tandem.render.modern;

import io.tandem.model.Bond;
import io.tandem.model.NetworkLink;
import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.Header;
import io.tandem.render.Placement;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Ubuntu: bonds and static addresses in {@code /etc/netplan/60-tandem.yaml} (mode 0600, as netplan wants). */
public final class NetplanRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        List<RenderedFile> files = new ArrayList<>();
        for (Node node : project.nodes()) {
            if (node.os().usesNetplan()) {
                files.add(new RenderedFile(node.name(), "/etc/netplan/60-tandem.yaml", yaml(project, node), 0600,
                        Placement.WHOLE_FILE, "Bonds and static addresses of both cluster networks, for netplan."));
            }
        }
        return files;
    }

    private static String yaml(Project project, Node node) {
        StringBuilder ethernets = new StringBuilder();
        StringBuilder bonds = new StringBuilder();
        Optional<ReplicationFallback> fallback = ReplicationFallback.of(project, node);
        for (NetworkLink link : node.links()) {
            Bond bond = link.bond();
            if (bond == null) {
                ethernets.append("    ").append(link.interfaceName()).append(":\n").append(addressing(project, link, "      "));
                continue;
            }
            for (String slave : bond.slaves()) {
                ethernets.append("    ").append(slave).append(":\n      dhcp4: false\n");
            }
            bonds.append("    ").append(link.interfaceName()).append(":\n")
                    .append("      interfaces: [").append(String.join(", ", bond.slaves())).append("]\n")
                    .append(addressing(project, link, "      "))
                    .append("      parameters:\n")
                    .append("        mode: ").append(bond.mode().kernelName()).append('\n');
            if (fallback.isPresent() && link.network() == NetworkRole.REPLICATION) {
                // ARP to the peer (a cut beyond this NIC leaves its carrier up); see IfupdownRenderer.
                bonds.append("        arp-interval: ").append(bond.miimon()).append('\n')
                        .append("        arp-ip-targets: [").append(fallback.get().arpTarget()).append("]\n")
                        .append("        arp-validate: all\n");
            } else {
                bonds.append("        mii-monitor-interval: ").append(bond.miimon()).append('\n')
                        .append("        up-delay: ").append(bond.updelay()).append('\n')
                        .append("        down-delay: ").append(bond.downdelay()).append('\n');
            }
            if (bond.primary() != null) {
                bonds.append("        primary: ").append(bond.primary()).append('\n');
            }
        }
        StringBuilder out = new StringBuilder(Header.hash(project, "Cluster networks of " + node.name() + "."));
        out.append("network:\n  version: 2\n  renderer: networkd\n  ethernets:\n").append(ethernets);
        if (!bonds.isEmpty()) {
            out.append("  bonds:\n").append(bonds);
        }
        return out.toString();
    }

    private static String addressing(Project project, NetworkLink link, String indent) {
        var network = project.networks().get(link.network());
        StringBuilder out = new StringBuilder();
        out.append(indent).append("dhcp4: false\n")
                .append(indent).append("addresses: [").append(link.address()).append('/').append(network.prefixLength()).append("]\n");
        if (network.gateway() != null) {
            out.append(indent).append("routes:\n")
                    .append(indent).append("  - to: default\n")
                    .append(indent).append("    via: ").append(network.gateway()).append('\n');
        }
        return out.toString();
    }
}
