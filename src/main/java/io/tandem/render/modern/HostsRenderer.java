package io.tandem.render.modern;

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

/** Both nodes' names in {@code /etc/hosts} on every host, so the cluster never depends on DNS. */
public final class HostsRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        String block = block(project);
        List<RenderedFile> files = new ArrayList<>();
        for (Node node : project.nodes()) {
            files.add(file(node.name(), block));
        }
        project.managedInitiators().forEach(i -> files.add(file(i.name(), block)));
        return files;
    }

    private static RenderedFile file(String host, String block) {
        return new RenderedFile(host, "/etc/hosts", block, 0644, Placement.MANAGED_BLOCK,
                "Names of the nodes on both networks and of the virtual IP, so nothing depends on DNS.");
    }

    static String block(Project project) {
        StringBuilder out = new StringBuilder(Header.BEGIN_BLOCK).append('\n');
        for (Node node : project.nodes()) {
            out.append(String.format("%-15s %s %s%n", node.address(NetworkRole.CLIENT), project.fqdn(node), node.name()));
        }
        for (Node node : project.nodes()) {
            out.append(String.format("%-15s %s-repl%n", node.address(NetworkRole.REPLICATION), node.name()));
        }
        out.append(String.format("%-15s %s-vip%n", project.networks().client().virtualIp(), project.clusterName()));
        return out.append(Header.END_BLOCK).append('\n').toString();
    }
}
