package io.tandem.render.legacy;

import io.tandem.model.Ipv4;
import io.tandem.model.Network;
import io.tandem.model.NetworkLink;
import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.List;

/** The tutorial's {@code /etc/network/interfaces}: slaves as manual, bonds with ifenslave up-lines. */
public final class LegacyInterfacesRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        return project.nodes().stream()
                .map(node -> RenderedFile.whole(node.name(), "/etc/network/interfaces", interfaces(project, node),
                        "Network configuration: the NICs, and the bonds with their static addresses (ifenslave)."))
                .toList();
    }

    static String interfaces(Project project, Node node) {
        StringBuilder out = new StringBuilder();
        out.append("# The loopback network interface\nauto lo\niface lo inet loopback\n\n");
        out.append("# The interfaces that will be bonded\n");
        for (NetworkLink link : node.links()) {
            if (link.bond() != null) {
                for (String slave : link.bond().slaves()) {
                    out.append("auto ").append(slave).append('\n').append("iface ").append(slave).append(" inet manual\n\n");
                }
            }
        }
        List<NetworkLink> links = node.links();
        for (int i = 0; i < links.size(); i++) {
            NetworkLink link = links.get(i);
            Network network = project.networks().get(link.network());
            Ipv4.Subnet subnet = Ipv4.Subnet.parse(network.cidr()).orElseThrow();
            out.append(link.network() == NetworkRole.CLIENT ? "# The initiator-accessible network interface\n"
                    : "# The isolated network interface\n");
            out.append("auto ").append(link.interfaceName()).append('\n')
                    .append("iface ").append(link.interfaceName()).append(" inet static\n")
                    .append("\taddress ").append(link.address()).append('\n')
                    .append("\tnetmask ").append(subnet.netmask()).append('\n')
                    .append("\tbroadcast ").append(subnet.broadcast()).append('\n')
                    .append("\tnetwork ").append(subnet.base()).append('\n');
            if (network.gateway() != null) {
                out.append("\tgateway ").append(network.gateway()).append('\n');
            }
            if (link.bond() != null) {
                for (String slave : link.bond().slaves()) {
                    out.append("\tup /sbin/ifenslave ").append(link.interfaceName()).append(' ').append(slave).append('\n');
                }
            }
            if (i < links.size() - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
