package io.tandem.render.legacy;

import io.tandem.model.Heartbeat;
import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.Placement;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;
import io.tandem.render.SecretNames;

import java.util.List;

/** Heartbeat's {@code /etc/heartbeat/authkeys}, mode 0600 (Heartbeat refuses to start otherwise). */
public final class AuthkeysRenderer implements FileRenderer {

    /** The key index the tutorial uses; any of 1–15 works as long as both nodes agree. */
    private static final int KEY_INDEX = 3;

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        Heartbeat hb = project.cluster().heartbeat();
        String content = "auth " + KEY_INDEX + "\n" + KEY_INDEX + " " + hb.authMethod() + " "
                + secrets.ref(SecretNames.HEARTBEAT_AUTHKEY, hb.authKey()) + "\n";
        return project.nodes().stream()
                .map(node -> new RenderedFile(node.name(), "/etc/heartbeat/authkeys", content, 0600, Placement.WHOLE_FILE,
                        "The key that signs Heartbeat messages (mode 0600)."))
                .toList();
    }
}
