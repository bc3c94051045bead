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
 * chrony on both nodes: the project's upstream servers, the peer node, and orphan mode so the two
 * clocks stay together even when upstream is unreachable (logs of both sides must line up).
 */
public final class ChronyRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        return project.nodes().stream()
                .map(node -> RenderedFile.whole(node.name(), "/etc/chrony/conf.d/tandem.conf", config(project, node),
                        "Time synchronisation: upstream servers, the peer node, and orphan mode."))
                .toList();
    }

    private static String config(Project project, Node node) {
        StringBuilder out = new StringBuilder(Header.hash(project, "Time sources of " + node.name() + "."));
        for (String server : project.timeOrDefault().servers()) {
            out.append("server ").append(server).append(" iburst\n");
        }
        out.append("peer ").append(project.peerOf(node.name()).address(NetworkRole.REPLICATION)).append('\n');
        out.append("allow ").append(project.networks().replication().cidr()).append('\n');
        out.append("local stratum 10 orphan\n");
        return out.toString();
    }
}
