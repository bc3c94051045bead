package io.tandem.render.modern;

import io.tandem.model.DrbdResource;
import io.tandem.model.Fencing;
import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.List;

/**
 * Tandem's DRBD 8.4 fence-peer handler, placed beside LINBIT's in {@code /usr/lib/drbd/}. It makes
 * crm-fence-peer.sh's decisions with two or three Pacemaker calls instead of five, and hands every
 * case but the common one to crm-fence-peer.sh (see the script's header). While a handler runs under
 * resource-and-stonith DRBD holds every write: in the VM lab crm-fence-peer.sh took 5.6 to 9.4 s
 * of a crash and 7.6 s or more of a replication link cut. DRBD 9 keeps crm-fence-peer.9.sh, whose logic differs.
 */
public final class FencePeerHandlerRenderer implements FileRenderer {

    public static final String INSTALLED_PATH = "/usr/lib/drbd/tandem-fence-peer.sh";

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        if (!usedBy(project)) {
            return List.of();
        }
        return BundledAgent.onEveryNode(project, INSTALLED_PATH, script(),
                "Tandem's DRBD fence-peer handler: places crm-fence-peer.sh's constraint with fewer Pacemaker calls, "
                        + "so writes held during a failover resume sooner; other cases go to crm-fence-peer.sh.");
    }

    /** Whether the resources call this handler: Pacemaker and DRBD 8.4 with resource fencing. */
    public static boolean usedBy(Project project) {
        return Drbd84AgentRenderer.usedBy(project) && project.replication().fencing() != Fencing.DONT_CARE;
    }

    /** The handler line of {@code resource}'s .res file. */
    public static String command(DrbdResource resource) {
        return INSTALLED_PATH + " --clone=" + PacemakerLayoutBuilder.drbdCloneId(resource);
    }

    /** The script as shipped in Tandem's jar. */
    public static String script() {
        return BundledAgent.text("tandem-fence-peer.sh");
    }
}
