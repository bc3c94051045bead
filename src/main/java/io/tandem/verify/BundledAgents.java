package io.tandem.verify;

import io.tandem.model.Project;
import io.tandem.model.Node;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.PacemakerLayout.Primitive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Tandem's own OCF agents ({@code ocf:tandem:NAME}) are not installed on this machine: Tandem places
 * them on the nodes as rendered files, {@code /usr/lib/ocf/resource.d/tandem/NAME}. Their metadata
 * comes from running that rendered file's {@code meta-data} action, as Pacemaker would on a node,
 * after checking that every node gets the same agent.
 */
final class BundledAgents {

    static final String PROVIDER = "tandem";
    static final String DIRECTORY = "/usr/lib/ocf/resource.d/" + PROVIDER + "/";

    private BundledAgents() {
    }

    static boolean isBundled(Primitive primitive) {
        return PROVIDER.equals(primitive.provider());
    }

    /** The metadata of a {@code ocf:tandem:} agent, from the file the nodes get. */
    static AgentMetadata metadata(Project project, FileSet files, Primitive primitive, Map<String, AgentMetadata> cache, Path workDir)
            throws IOException {
        String type = primitive.type();
        if (!type.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("'" + type + "' is not an agent name");
        }
        String path = DIRECTORY + type;
        String content = null;
        for (Node node : project.nodes()) {
            RenderedFile file = files.find(node.name(), path).orElseThrow(() -> new IllegalArgumentException(
                    "the CIB uses " + primitive.agent() + " but node " + node.name() + " gets no " + path));
            if ((file.mode() & 0111) == 0) {
                throw new IllegalArgumentException(node.name() + path + " is not executable (mode " + file.octalMode() + ")");
            }
            String text = files.text(file, SecretPolicy.REDACT);
            if (content != null && !content.equals(text)) {
                throw new IllegalArgumentException("the nodes get different " + path);
            }
            content = text;
        }
        Path agent = Files.createDirectories(workDir.resolve("tandem-agents")).resolve(type);
        Files.writeString(agent, content);
        Path sh = LocalCommand.find("sh").orElseThrow(() -> new IOException("there is no sh to run " + path + " meta-data"));
        return FenceAgentCheck.cached(cache, primitive.agent(), sh, List.of(agent.toString(), "meta-data"), workDir);
    }
}
