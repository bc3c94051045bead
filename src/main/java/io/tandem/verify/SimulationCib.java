package io.tandem.verify;

import io.tandem.model.DrbdResource;
import io.tandem.model.Project;
import io.tandem.render.modern.PacemakerLayoutBuilder;

/**
 * Turns the generated CIB into the state right after it is pushed: both nodes online and quorate,
 * both DRBD sides UpToDate (equal promotion scores, as the drbd agent sets them). That is what
 * crm_simulate needs to place resources, and what crm_verify needs to judge a STONITH setup.
 */
public final class SimulationCib {

    private SimulationCib() {
    }

    public static String withBothNodesOnline(Project project, String cib) {
        return withBothNodesOnline(project, cib, java.util.Map.of());
    }

    /**
     * As {@link #withBothNodesOnline(Project, String)}, with the drbd agent's promotion score of the
     * nodes in {@code promotionScores} (10000 for the others): a lower score is a node whose data is
     * behind, which the agent will not promote while the peer is UpToDate.
     */
    public static String withBothNodesOnline(Project project, String cib, java.util.Map<String, Integer> promotionScores) {
        if (!cib.startsWith("<cib ") || !cib.contains("<status/>")) {
            throw new IllegalArgumentException("not a CIB with an empty status section");
        }
        StringBuilder status = new StringBuilder("<status>\n");
        for (int i = 0; i < project.nodes().size(); i++) {
            String id = String.valueOf(i + 1);
            status.append("    <node_state id=\"").append(id).append("\" uname=\"").append(project.nodes().get(i).name())
                    .append("\" in_ccm=\"true\" crmd=\"online\" join=\"member\" expected=\"member\">\n")
                    .append("      <transient_attributes id=\"").append(id).append("\">\n")
                    .append("        <instance_attributes id=\"status-").append(id).append("\">\n");
            for (DrbdResource resource : project.replication().resources()) {
                String attribute = "master-" + PacemakerLayoutBuilder.drbdPrimitiveId(resource);
                status.append("          <nvpair id=\"status-").append(id).append('-').append(attribute).append("\" name=\"")
                        .append(attribute).append("\" value=\"")
                        .append(promotionScores.getOrDefault(project.nodes().get(i).name(), 10000)).append("\"/>\n");
            }
            status.append("        </instance_attributes>\n      </transient_attributes>\n    </node_state>\n");
        }
        status.append("  </status>");
        return cib.replaceFirst("<cib ", "<cib have-quorum=\"1\" ").replace("<status/>", status.toString());
    }
}
