package io.tandem.render.modern;

import io.tandem.export.AuditExporter;
import io.tandem.model.Project;
import io.tandem.model.ProjectFileException;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import io.tandem.testing.Variants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes that lose each other both try to fence: fencing the preferred node waits 15 s, so the
 * node that serves the target wins instead of both going down. (crm_verify and pacemaker-fenced's
 * metadata judge the parameter in FencingRealToolsTest and RealToolChecksTest.)
 */
class FenceRaceDelayTest {

    private static String pcsLine(Project project, String device) {
        FileSet files = Renderers.render(project);
        String script = files.text(files.files().stream().filter(f -> f.path().equals("/pcs-commands.sh")).findFirst().orElseThrow(),
                SecretPolicy.REDACT);
        return script.lines().filter(l -> l.contains("stonith create " + device + " ")).findFirst().orElseThrow();
    }

    @Test
    void onlyTheDeviceThatFencesThePreferredNodeWaits() throws ProjectFileException {
        Project project = Variants.drbd9UbuntuTgtStonith();
        assertThat(project.cluster().preferredNode()).isEqualTo("node1");
        assertThat(pcsLine(project, "fence_node1")).contains(" pcmk_delay_base=15s ");
        assertThat(pcsLine(project, "fence_node2")).doesNotContain("pcmk_delay");

        Project node2Preferred = JsonEdit.of(Examples.MODERN).set("$.cluster.preferredNode", "node2")
                .set("$.cluster.stonith", Map.of("type", "fence_ipmilan", "devices", List.of(
                        Map.of("node", "node1", "address", "10.99.0.11", "user", "admin", "password", "Bm4nX8vQ2kL7wR3t"),
                        Map.of("node", "node2", "address", "10.99.0.12", "user", "admin", "password", "Hs6pD9cF3jT5yG2w")))).project();
        assertThat(pcsLine(node2Preferred, "fence_node2")).contains(" pcmk_delay_base=15s ");
        assertThat(pcsLine(node2Preferred, "fence_node1")).doesNotContain("pcmk_delay");
    }

    @Test
    void theSharedSbdDeviceDelaysOnlyThePreferredNode() {
        assertThat(pcsLine(Variants.sbd(), "fence_sbd")).contains(" pcmk_delay_base=node1:15s ");
        assertThat(pcsLine(Variants.virsh(), "fence_node1")).contains(" pcmk_delay_base=15s ");
    }

    /** A static host list: the fencer fences at once instead of asking fence_sbd for its list first (2-3 s of a crash in the VM lab). */
    @Test
    void theSharedSbdDeviceNamesBothNodes() {
        assertThat(pcsLine(Variants.sbd(), "fence_sbd")).contains(" 'pcmk_host_list=node1 node2' ");
        FileSet files = Renderers.render(Variants.sbd());
        assertThat(files.text(files.find(RenderedFile.CLUSTER, CibRenderer.PATH).orElseThrow(), SecretPolicy.REDACT))
                .contains("name=\"pcmk_host_list\" value=\"node1 node2\"");
    }

    @Test
    void theSummaryTellsTheReviewerWhy(@TempDir Path out) throws Exception {
        Project project = Variants.sbd();
        var bundle = new AuditExporter().export(project, Renderers.render(project), List.of(), out.resolve("bundle"), SecretPolicy.REDACT, false);
        assertThat(Files.readString(bundle.directory().resolve("SUMMARY.md"))).contains("Fencing node1 waits 15 s (`pcmk_delay_base`)");
    }
}
