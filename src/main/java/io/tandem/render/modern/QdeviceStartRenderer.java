package io.tandem.render.modern;

import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.Header;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.List;

/**
 * With a quorum device: a drop-in that makes every start of corosync start corosync-qdevice too.
 * The qdevice unit requires corosync, so when corosync cannot start at boot (a fenced node whose SBD
 * slot still says "reset") the qdevice fails with it, and nothing starts it again when the operator
 * later starts the cluster there: the node would run without the witness's vote until someone noticed.
 * {@code Wants=} is the weak dependency: a qdevice that fails does not stop corosync.
 */
public final class QdeviceStartRenderer implements FileRenderer {

    public static final String PATH = "/etc/systemd/system/corosync.service.d/tandem-qdevice.conf";
    public static final String UNIT = "corosync.service";
    public static final String WANTED = "corosync-qdevice.service";

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        if (project.cluster().witness().isEmpty()) {
            return List.of();
        }
        String content = Header.hash(project, "Starts the quorum device's client with corosync.")
                + "# corosync-qdevice requires corosync: after a boot where corosync could not start, the qdevice\n"
                + "# is started again by whatever starts corosync (systemctl start pacemaker, pcs cluster start).\n"
                + "[Unit]\n"
                + "Wants=" + WANTED + "\n";
        return project.nodes().stream()
                .map(node -> RenderedFile.whole(node.name(), PATH, content,
                        "Every start of corosync also starts corosync-qdevice (a rejoining node gets the witness's vote back)."))
                .toList();
    }
}
