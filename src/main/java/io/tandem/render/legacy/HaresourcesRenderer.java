package io.tandem.render.legacy;

import io.tandem.model.DrbdResource;
import io.tandem.model.Lun;
import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.model.ResourcePurpose;
import io.tandem.render.FileRenderer;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.List;

/**
 * Heartbeat's {@code /etc/heartbeat/haresources}: the preferred node runs the config filesystem,
 * then the virtual IP, the LUN devices and the iscsitarget service, started left to right.
 */
public final class HaresourcesRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        String content = haresources(project);
        return project.nodes().stream()
                .map(node -> RenderedFile.whole(node.name(), "/etc/heartbeat/haresources", content,
                        "What Heartbeat runs on the active node, in start order: DRBD devices, filesystem, virtual IP, IET."))
                .toList();
    }

    static String haresources(Project project) {
        String preferred = project.cluster().preferredNode();
        Node node = project.node(preferred).orElseThrow();
        StringBuilder out = new StringBuilder();
        for (DrbdResource resource : project.replication().resources()) {
            if (resource.purpose() == ResourcePurpose.CONFIG_FILESYSTEM) {
                out.append(preferred).append(" drbddisk::").append(resource.name())
                        .append(" Filesystem::").append(resource.device()).append("::").append(resource.filesystem().mountPoint())
                        .append("::").append(resource.filesystem().type()).append('\n');
            }
        }
        out.append(preferred).append(" IPaddr::").append(project.networks().client().virtualIp()).append('/')
                .append(project.networks().client().prefixLength()).append('/').append(node.interfaceName(NetworkRole.CLIENT));
        for (Lun lun : project.target().luns()) {
            out.append(" drbddisk::").append(lun.resource());
        }
        return out.append(" iscsitarget\n").toString();
    }
}
