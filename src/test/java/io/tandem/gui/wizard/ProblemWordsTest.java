package io.tandem.gui.wizard;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.model.DemoProject;
import io.tandem.model.Problem;
import io.tandem.model.ProjectDraft;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the wizard says about a problem: fields by label and owner, its own fixes, never a JSON path or a file. */
class ProblemWordsTest {

    private final ProjectDraft demo = ProjectDraft.of(DemoProject.load());

    @Test
    void aPathIsNamedByTheFieldsLabelAndWhoseItIs() {
        assertThat(ProblemWords.where("$.nodes[0].links[1].bond.slaves[0]", demo)).isEqualTo("NICs of the replication bond (node 1)");
        assertThat(ProblemWords.where("$.nodes[1].links[0].interfaceName", demo)).isEqualTo("Client bond name (node 2)");
        assertThat(ProblemWords.where("$.networks.client.virtualIp", demo)).isEqualTo("Virtual IP for initiators");
        assertThat(ProblemWords.where("$.initiators[0].timeouts.replacementTimeout", demo)).isEqualTo("Replacement timeout (initiator client)");
        assertThat(ProblemWords.where("$.replication.resources[1].backing[1].disk", demo)).isEqualTo("Device (volume r1, node 2)");
        assertThat(ProblemWords.where("$.cluster.stonith.devices[1].plug", demo)).isEqualTo("Virtual machine name (node 2)");
        assertThat(ProblemWords.where("$.replication.splitBrain.afterSb0pri", demo)).as("no label of its own: its section's")
                .isEqualTo("Split-brain policy: after sb0pri");
        assertThat(ProblemWords.where("$.target.session.maxBurstLength", null)).isEqualTo("Session parameters: max burst length");
    }

    @Test
    void pathsInsideAMessageBecomeNames() {
        assertThat(ProblemWords.withoutPaths("already a slave at $.nodes[0].links[0].bond.slaves[1].", demo))
                .isEqualTo("already a slave at NICs of the client bond (node 1).");
    }

    @Test
    void aRequiredFieldSaysRequiredInTheWizardAndKeepsItsFileAdviceForTheCli() {
        demo.remove("$.networks.client.cidr");
        Problem missing = demo.problems().stream().filter(p -> p.path().equals("$.networks.client.cidr")).findFirst().orElseThrow();
        assertThat(ProblemWords.atField(missing, demo)).isEqualTo("Required.");
        assertThat(ProblemWords.blocker(missing, demo)).isEqualTo("Client network (CIDR): required.");
        assertThat(missing.describe()).as("the CLI's words are unchanged").contains("$.networks.client.cidr", "in a project file: add \"cidr\"");
    }

    /**
     * Every problem the wizard can show, as it shows it: each leaf of the demo project removed,
     * made a wrong word, made a negative number; and the states a user reaches on the steps.
     */
    @Test
    void noProblemInTheWizardShowsAJsonPathAFileOrTheTutorial() {
        List<ProjectDraft> drafts = new ArrayList<>();
        for (String leaf : leaves(demo.get("$"), "$")) {
            for (Object bad : new Object[] {null, "x!", -1}) {
                ProjectDraft draft = ProjectDraft.copyOf(demo);
                if (bad == null) {
                    draft.remove(leaf);
                } else {
                    draft.set(leaf, bad);
                }
                drafts.add(draft);
            }
        }
        drafts.add(with(Map.of("$.target.implementation", "lio-t")));
        drafts.add(with(Map.of("$.target.implementation", "tgt", "$.chap.discovery", Map.of("user", "disco", "secret", "Dk4nW8qZ2tR6vX3m"))));
        drafts.add(with(Map.of("$.initiators[0].timeouts.replacementTimeout", 10)));
        drafts.add(with(Map.of("$.networks.client.virtualIp", "192.168.50.11")));
        drafts.add(with(Map.of("$.profile", "legacy")));
        drafts.add(with(Map.of("$.nodes[0].links[0].bond.primary", "eth9")));
        drafts.add(with(Map.of("$.replication.resources[0].backing[0].disk", "/dev/vdb1",
                "$.replication.resources[0].backing[0].layout", "gpt-partition")));
        ProjectDraft virsh = with(Map.of());
        FencingChoices.prepare(virsh, "fence_virsh", new java.util.HashMap<>());
        drafts.add(virsh);

        List<String> shown = new ArrayList<>();
        for (ProjectDraft draft : drafts) {
            for (Problem p : draft.problems()) {
                shown.add(ProblemWords.atField(p, draft));
                shown.add(ProblemWords.blocker(p, draft));
            }
        }
        assertThat(shown).as("problems seen").hasSizeGreaterThan(500);
        assertThat(shown).allSatisfy(text -> assertThat(text).doesNotContain("$.", "project file", "tutorial", "examples/"));
        assertThat(shown).as("the legacy profile's problems, reached").anySatisfy(t -> assertThat(t).contains("legacy profile"));
        assertThat(shown).as("lio-t with mutual CHAP").contains("Mutual CHAP: mutual CHAP is not configured by the stock iSCSITarget "
                + "resource agent that implementation \"lio-t\" uses, so initiators set up for it could not log in.");
    }

    private ProjectDraft with(Map<String, Object> values) {
        ProjectDraft draft = ProjectDraft.copyOf(demo);
        values.forEach(draft::set);
        return draft;
    }

    private static List<String> leaves(JsonNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(e -> out.addAll(leaves(e.getValue(), path + "." + e.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.addAll(leaves(node.get(i), path + "[" + i + "]"));
            }
        } else {
            out.add(path);
        }
        return out;
    }
}
