package io.tandem.render.modern;

import io.tandem.model.Project;
import io.tandem.model.Sbd;
import io.tandem.model.StonithType;
import io.tandem.render.FileRenderer;
import io.tandem.render.Header;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.List;

/**
 * {@code /etc/default/sbd}, the same on both nodes (sbd requires that): the shared disks, the
 * watchdog, and Pacemaker integration. Only with fence_sbd. The disks' header is written once by
 * apply ({@link SbdSettings#createCommand}), not by this file.
 */
public final class SbdConfigRenderer implements FileRenderer {

    public static final String PATH = "/etc/default/sbd";

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        if (project.cluster().stonith().type() != StonithType.SBD) {
            return List.of();
        }
        String content = content(project, project.cluster().stonith().sbd());
        return project.nodes().stream()
                .map(node -> RenderedFile.whole(node.name(), PATH, content,
                        "sbd's settings: the shared SBD disks, the watchdog, Pacemaker integration (read by sbd.service)."))
                .toList();
    }

    static String content(Project project, Sbd sbd) {
        // The file is read by systemd and sourced by the init script: quote the ';'-separated list.
        return Header.hash(project, "Storage-based death (SBD) fencing for this node.")
                + "SBD_DEVICE=\"" + String.join(";", sbd.devices()) + "\"\n"
                + "# sbd also watches Pacemaker's quorum and health on this node.\n"
                + "SBD_PACEMAKER=yes\n"
                + "# A node that was fenced stays out of the cluster until someone has looked at why and cleared\n"
                + "# its slot (sbd -d DEVICE message NODE clear): it cannot rejoin, fail again and loop.\n"
                + "SBD_STARTMODE=clean\n"
                + "SBD_WATCHDOG_DEV=" + sbd.watchdogDevice() + "\n"
                + "# The disk header's timeout wins; kept equal so the two never disagree.\n"
                + "SBD_WATCHDOG_TIMEOUT=" + sbd.watchdogTimeout() + "\n";
    }
}
