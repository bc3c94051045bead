package io.tandem.render.modern;

import io.tandem.model.DrbdVersion;
import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;

import java.util.List;

/**
 * Tandem's resource agent for a DRBD 8.4 clone, ocf:tandem:Drbd84, on every node: promote and demote
 * by one drbdadm call checked in /proc/drbd, everything else by LINBIT's ocf:linbit:drbd, which it
 * calls (see the agent's header). In the VM lab LINBIT's agent took 3.3 to 6.7 s per promote or
 * demote, most of it loading its libraries and validating before the one command that matters.
 * DRBD 9 keeps LINBIT's agent: its states are not /proc/drbd's.
 */
public final class Drbd84AgentRenderer implements FileRenderer {

    public static final String AGENT = "ocf:tandem:Drbd84";
    public static final String LINBIT_AGENT = "ocf:linbit:drbd";
    public static final String INSTALLED_PATH = BundledAgent.INSTALLED_DIRECTORY + "Drbd84";

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        if (!usedBy(project)) {
            return List.of();
        }
        return BundledAgent.onEveryNode(project, INSTALLED_PATH, agentScript(),
                "Tandem's resource agent " + AGENT + " for the DRBD clones: promotes and demotes with one drbdadm call, "
                        + "hands everything else to LINBIT's " + LINBIT_AGENT + ".");
    }

    /** Whether the DRBD clones run this agent: a Pacemaker cluster of DRBD 8.4 nodes (NodeRules keeps both nodes on one version). */
    public static boolean usedBy(Project project) {
        return project.profile() == Profile.MODERN && project.nodes().getFirst().drbdVersion() != DrbdVersion.V9;
    }

    /** The agent of the DRBD primitives in {@code project}'s CIB. */
    public static String agentFor(Project project) {
        return usedBy(project) ? AGENT : LINBIT_AGENT;
    }

    /** The agent's text, as shipped in Tandem's jar. */
    public static String agentScript() {
        return BundledAgent.text("Drbd84");
    }
}
