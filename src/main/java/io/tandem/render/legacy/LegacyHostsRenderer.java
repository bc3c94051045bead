package io.tandem.render.legacy;

import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.List;

/** The tutorial's {@code /etc/hosts}: both nodes by name, and their private names on the replication network. */
public final class LegacyHostsRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        String hosts = hosts(project);
        return project.nodes().stream()
                .map(node -> RenderedFile.whole(node.name(), "/etc/hosts", hosts, "Names and addresses of both nodes on both networks."))
                .toList();
    }

    static String hosts(Project project) {
        StringBuilder out = new StringBuilder("127.0.0.1       localhost\n");
        for (Node node : project.nodes()) {
            out.append(String.format("%-15s %-19s %s%n", node.address(NetworkRole.CLIENT), project.fqdn(node), node.name()));
        }
        for (Node node : project.nodes()) {
            out.append(String.format("%-15s %s-private%n", node.address(NetworkRole.REPLICATION), node.name()));
        }
        return out.toString();
    }
}
