package io.tandem.render.modern;

import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.Header;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.List;

/**
 * Tandem's own port blocker, {@code ocf:tandem:portblock}, on every node. Debian 12's
 * {@code ocf:heartbeat:portblock} (resource-agents 4.12) never unblocks with iptables 1.8.9: it
 * looks for "tcp" in {@code iptables -n -L}, which prints "6" (see docs/generated-files.md). The
 * agent is a POSIX sh script bundled as a resource; this file's header names the cluster. Only
 * written where the group has the pair ({@link PacemakerLayoutBuilder#usesPortblock}).
 */
public final class PortblockAgentRenderer implements FileRenderer {

    public static final String AGENT = "ocf:tandem:portblock";
    public static final String PATH = BundledAgent.INSTALLED_DIRECTORY + "portblock";
    private static final String SHEBANG = BundledAgent.SHEBANG;

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        if (!PacemakerLayoutBuilder.usesPortblock(project)) {
            return List.of();
        }
        String agent = bundledAgent();
        String content = SHEBANG + Header.hash(project, "The OCF resource agent " + AGENT + " (p_block, p_unblock).")
                + agent.substring(SHEBANG.length());
        return BundledAgent.onEveryNode(project, PATH, content,
                "Blocks the iSCSI port on the virtual IP while the target moves; replaces Debian 12's portblock, which never unblocks.");
    }

    /** The agent as bundled, starting with {@code #!/bin/sh}. */
    static String bundledAgent() {
        return BundledAgent.text("portblock");
    }
}
