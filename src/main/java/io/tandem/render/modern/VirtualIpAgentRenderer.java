package io.tandem.render.modern;

import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.List;

/**
 * Tandem's resource agent for the portal's floating address, ocf:tandem:VirtualIp, on every node:
 * IPaddr2's commands for one IPv4 address without the OCF shell library, whose loading made
 * IPaddr2's start 2.6 to 7.7 s of each failover in the VM lab (see the agent's header). The file
 * is the bundled agent as it is; it holds no project value.
 */
public final class VirtualIpAgentRenderer implements FileRenderer {

    public static final String AGENT = "ocf:tandem:VirtualIp";
    public static final String INSTALLED_PATH = BundledAgent.INSTALLED_DIRECTORY + "VirtualIp";

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        return BundledAgent.onEveryNode(project, INSTALLED_PATH, agentScript(),
                "Tandem's resource agent " + AGENT + ": adds the virtual IP to the client interface and announces it "
                        + "(gratuitous ARP), removes it on stop; IPaddr2's commands without its shell library.");
    }

    /** The agent's text, as shipped in Tandem's jar. */
    public static String agentScript() {
        return BundledAgent.text("VirtualIp");
    }
}
