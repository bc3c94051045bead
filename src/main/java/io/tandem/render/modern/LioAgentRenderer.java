package io.tandem.render.modern;

import io.tandem.model.Project;
import io.tandem.model.TargetImplementation;
import io.tandem.render.FileRenderer;
import io.tandem.render.Placement;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tandem's own resource agent, ocf:tandem:LioTarget, placed on every node where Pacemaker looks
 * for OCF agents of provider "tandem": for implementation {@code lio} the target and all its
 * LUNs are one resource that writes LIO's configfs directly (see the agent's meta-data). The
 * file is the bundled agent as it is; it holds no project value, so no secret.
 */
public final class LioAgentRenderer implements FileRenderer {

    public static final String AGENT = "ocf:tandem:LioTarget";
    public static final String INSTALLED_PATH = "/usr/lib/ocf/resource.d/tandem/LioTarget";
    /** The agent on the class path. */
    public static final String RESOURCE = "/io/tandem/agents/LioTarget";

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        if (project.target().implementation() != TargetImplementation.LIO) {
            return List.of();
        }
        String agent = agentScript();
        return project.nodes().stream()
                .map(node -> new RenderedFile(node.name(), INSTALLED_PATH, agent, 0755, Placement.WHOLE_FILE,
                        "Tandem's resource agent " + AGENT + ": starts, checks and stops the iSCSI target with its LUNs, "
                                + "ACLs and CHAP by writing LIO's configfs (no targetcli)."))
                .toList();
    }

    /** The agent's text, as shipped in Tandem's jar. */
    public static String agentScript() {
        try (InputStream in = LioAgentRenderer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the LioTarget resource agent is missing from the build: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
