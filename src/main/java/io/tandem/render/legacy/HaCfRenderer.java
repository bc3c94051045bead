package io.tandem.render.legacy;

import io.tandem.model.Heartbeat;
import io.tandem.model.NetworkLink;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.List;

/** Heartbeat's {@code /etc/heartbeat/ha.cf}: timings, broadcast on both networks, the two nodes. */
public final class HaCfRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        return project.nodes().stream()
                .map(node -> RenderedFile.whole(node.name(), "/etc/heartbeat/ha.cf", haCf(project, node),
                        "Heartbeat membership: timings, heartbeats broadcast on both networks, the two nodes."))
                .toList();
    }

    static String haCf(Project project, Node node) {
        Heartbeat hb = project.cluster().heartbeat();
        StringBuilder out = new StringBuilder()
                .append("logfacility     ").append(hb.logFacility()).append('\n')
                .append("keepalive ").append(hb.keepalive()).append('\n')
                .append("deadtime ").append(hb.deadtime()).append('\n')
                .append("warntime ").append(hb.warntime()).append('\n')
                .append("initdead ").append(hb.initdead()).append('\n');
        for (NetworkLink link : node.links()) {
            out.append("bcast ").append(link.interfaceName()).append('\n');
        }
        for (Node member : project.nodes()) {
            out.append("node ").append(member.name()).append('\n');
        }
        return out.toString();
    }
}
