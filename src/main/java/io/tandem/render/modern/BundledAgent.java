package io.tandem.render.modern;

import io.tandem.model.Project;
import io.tandem.render.Placement;
import io.tandem.render.RenderedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tandem's own OCF resource agents ship in the jar under {@code /io/tandem/agents/} as POSIX sh
 * scripts and are placed on the nodes as files under {@code /usr/lib/ocf/resource.d/tandem/}; so
 * does its DRBD fence-peer handler, placed in {@code /usr/lib/drbd/}.
 */
final class BundledAgent {

    static final String SHEBANG = "#!/bin/sh\n";
    static final String INSTALLED_DIRECTORY = "/usr/lib/ocf/resource.d/tandem/";
    static final String RESOURCE_DIRECTORY = "/io/tandem/agents/";

    private BundledAgent() {
    }

    /** The bundled script as one executable file per node at {@code path}: it holds no project value, so no secret. */
    static List<RenderedFile> onEveryNode(Project project, String path, String script, String purpose) {
        return project.nodes().stream()
                .map(node -> new RenderedFile(node.name(), path, script, 0755, Placement.WHOLE_FILE, purpose))
                .toList();
    }

    /** The agent {@code name} as bundled, starting with {@code #!/bin/sh}; a build without it is broken, not a user error. */
    static String text(String name) {
        return text(name, SHEBANG);
    }

    /** The script {@code name} as bundled, starting with {@code shebang}. */
    static String text(String name, String shebang) {
        String resource = RESOURCE_DIRECTORY + name;
        try (InputStream in = BundledAgent.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled agent " + resource + " is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!text.startsWith(shebang)) {
                throw new IllegalStateException("the bundled agent " + resource + " does not start with " + shebang.strip());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
