package io.tandem.render.modern;

import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.List;

/**
 * Tandem's agent ocf:tandem:TgtMutualChap on every node, for a tgt target with mutual CHAP: the
 * stock iSCSITarget agent creates only the incoming CHAP account, and this agent binds the outgoing
 * one (see its meta-data). The file is the bundled agent as it is: no project value, no secret.
 */
public final class TgtMutualChapAgentRenderer implements FileRenderer {

    public static final String AGENT = "ocf:tandem:TgtMutualChap";
    public static final String INSTALLED_PATH = BundledAgent.INSTALLED_DIRECTORY + "TgtMutualChap";

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        if (!PacemakerLayoutBuilder.needsTgtMutualChap(project)) {
            return List.of();
        }
        return BundledAgent.onEveryNode(project, INSTALLED_PATH, agentScript(),
                "Tandem's resource agent " + AGENT + ": binds the target's outgoing (mutual) CHAP account in tgt, "
                        + "which the stock iSCSITarget agent cannot set.");
    }

    /** The agent's text, as shipped in Tandem's jar. */
    public static String agentScript() {
        return BundledAgent.text("TgtMutualChap");
    }
}
