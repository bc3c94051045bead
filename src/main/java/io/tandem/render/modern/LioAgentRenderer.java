package io.tandem.render.modern;

import io.tandem.model.Project;
import io.tandem.model.TargetImplementation;
import io.tandem.render.FileRenderer;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.List;

/**
 * Tandem's own resource agent, ocf:tandem:LioTarget, placed on every node where Pacemaker looks
 * for OCF agents of provider "tandem": for implementation {@code lio} the target and all its
 * LUNs are one resource that writes LIO's configfs directly (see the agent's meta-data). The
 * file is the bundled agent as it is; it holds no project value, so no secret.
 */
public final class LioAgentRenderer implements FileRenderer {

    public static final String AGENT = "ocf:tandem:LioTarget";
    public static final String INSTALLED_PATH = BundledAgent.INSTALLED_DIRECTORY + "LioTarget";

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        if (project.target().implementation() != TargetImplementation.LIO) {
            return List.of();
        }
        return BundledAgent.onEveryNode(project, INSTALLED_PATH, agentScript(),
                "Tandem's resource agent " + AGENT + ": starts, checks and stops the iSCSI target with its LUNs, "
                        + "ACLs and CHAP by writing LIO's configfs (no targetcli).");
    }

    /** The agent's text, as shipped in Tandem's jar. */
    public static String agentScript() {
        return BundledAgent.text("LioTarget");
    }
}
