package io.tandem.render.legacy;

import io.tandem.model.Bond;
import io.tandem.model.NetworkLink;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.List;

/** {@code /etc/modprobe.d/aliases.conf}: one bonding alias and options line per bond, max_bonds on the first. */
public final class ModprobeAliasesRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        return project.nodes().stream()
                .map(node -> RenderedFile.whole(node.name(), "/etc/modprobe.d/aliases.conf", aliases(node),
                        "Loads the bonding driver for each bond with its mode and link-monitor timings."))
                .toList();
    }

    static String aliases(Node node) {
        List<NetworkLink> bonded = node.links().stream().filter(l -> l.bond() != null).toList();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bonded.size(); i++) {
            NetworkLink link = bonded.get(i);
            Bond bond = link.bond();
            out.append("alias ").append(link.interfaceName()).append(" bonding\n")
                    .append("options ").append(link.interfaceName())
                    .append(" mode=").append(bond.mode().number())
                    .append(" miimon=").append(bond.miimon())
                    .append(" downdelay=").append(bond.downdelay())
                    .append(" updelay=").append(bond.updelay());
            if (i == 0) {
                // The old bonding module creates only max_bonds devices, and reads it once.
                out.append(" max_bonds=").append(bonded.size());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
