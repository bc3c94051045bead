package io.tandem.render.modern;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import io.tandem.testing.RealTools;
import io.tandem.verify.CheckResult;
import io.tandem.verify.PacemakerCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "action": "off" becomes Pacemaker's stonith-action in the CIB and in the pcs script; without it
 * nothing is written and Pacemaker reboots. crm_verify reads the property (tier 2).
 */
class FenceActionTest {

    private static String text(FileSet files, String path) {
        return files.text(files.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow(), SecretPolicy.REDACT);
    }

    @Test
    void offIsAClusterPropertyAndRebootIsPacemakersDefault(@TempDir Path work) throws Exception {
        Project off = Examples.read(Examples.VM_LAB_IPMI);
        FileSet files = Renderers.render(off);
        assertThat(text(files, CibRenderer.PATH)).containsPattern("<nvpair id=\"[^\"]+\" name=\"stonith-action\" value=\"off\"/>");
        assertThat(text(files, "/pcs-commands.sh")).contains(" property set stonith-action=off\n");
        // Off alone: fence_ipmilan polls the BMC at once instead of sleeping 2 s first.
        assertThat(text(files, CibRenderer.PATH)).containsPattern("id=\"fence_node1-instance_attributes-power_wait\" name=\"power_wait\" value=\"0\"")
                .containsPattern("id=\"fence_node2-instance_attributes-power_wait\" name=\"power_wait\" value=\"0\"");

        for (Project reboot : java.util.List.of(JsonEdit.of(Examples.VM_LAB_IPMI).remove("$.cluster.stonith.action").project(),
                JsonEdit.of(Examples.VM_LAB_IPMI).set("$.cluster.stonith.action", "reboot").project())) {
            FileSet rebootFiles = Renderers.render(reboot);
            assertThat(text(rebootFiles, CibRenderer.PATH)).doesNotContain("stonith-action");
            assertThat(text(rebootFiles, "/pcs-commands.sh")).doesNotContain("stonith-action");
            assertThat(text(rebootFiles, CibRenderer.PATH)).as("a reboot's power on follows the off: fence_ipmilan's wait stays").doesNotContain("power_wait");
        }

        RealTools.requireTier2();
        assertThat(new PacemakerCheck().run(off, files, work)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS));
    }
}
