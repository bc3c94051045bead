package io.tandem.verify;

import io.tandem.model.Project;
import io.tandem.render.Renderers;
import io.tandem.testing.Examples;
import io.tandem.testing.RealTools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seen in the VM lab (lab/vm, fixtures/vmlab/node1.split-promotion.crm_mon_xml.txt): while the drbd
 * agents' promotion scores still differed between the nodes, drbd_r0 was promoted on node1 and
 * drbd_r1 on node2, and the iSCSI group, colocated with both, could run nowhere. crm_simulate
 * replays that state: r0 scores higher on node1, r1 on node2.
 */
class PromotionTogetherTest {

    @BeforeEach
    void tools() {
        RealTools.requireTier2();
    }

    private static String transition(String cib, Path work) throws Exception {
        Path file = work.resolve("cib.xml");
        Files.writeString(file, cib);
        var result = LocalCommand.run(List.of("crm_simulate", "-x", file.toString(), "-S"), FailoverPreview.env(work), work,
                Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        String out = result.stdout();
        int start = out.indexOf("Transition Summary:");
        int end = out.indexOf("Executing Cluster Transition", start);
        return out.substring(start, end < 0 ? out.length() : end);
    }

    private static String divergingScores(Project project) {
        String cib = FailoverPreview.cibText(Renderers.render(project));
        return SimulationCib.withBothNodesOnline(project, cib)
                .replace("id=\"status-2-master-drbd_r0\" name=\"master-drbd_r0\" value=\"10000\"",
                        "id=\"status-2-master-drbd_r0\" name=\"master-drbd_r0\" value=\"1\"")
                .replace("id=\"status-1-master-drbd_r1\" name=\"master-drbd_r1\" value=\"10000\"",
                        "id=\"status-1-master-drbd_r1\" name=\"master-drbd_r1\" value=\"1\"");
    }

    @Test
    void bothDrbdResourcesArePromotedOnOneNodeAndTheGroupStarts(@TempDir Path work) throws Exception {
        String summary = transition(divergingScores(Examples.modern()), work);

        assertThat(summary).containsPattern("Promote +drbd_r0:\\d +\\( Stopped -> Promoted node1 \\)")
                .containsPattern("Promote +drbd_r1:\\d +\\( Stopped -> Promoted node1 \\)")
                .containsPattern("Start +p_target +\\( +node1 \\)");
    }

    @Test
    void withoutTheClonesTiedTogetherThePromotionsSplitAndNothingStarts(@TempDir Path work) throws Exception {
        String cib = divergingScores(Examples.modern()).replaceAll("(?m)^ *<rsc_colocation id=\"col_drbd_r1-clone_promoted_with[^\n]*\n", "");
        String summary = transition(cib, work);

        assertThat(summary).containsPattern("Promote +drbd_r0:\\d +\\( Stopped -> Promoted node1 \\)")
                .containsPattern("Promote +drbd_r1:\\d +\\( Stopped -> Promoted node2 \\)")
                .doesNotContain("p_target");
    }
}
