package io.tandem.plan;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.SecretPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tandem's part goes into a live CIB; what others configured stays; Pacemaker's own crm_verify accepts the result. */
class CibMergeTest {

    private final Project project = PlanFixtures.vmLab();
    private final FileSet files = PlanFixtures.render(project);
    private final String desired = files.text(files.files().stream().filter(f -> f.path().equals("/cib.xml")).findFirst().orElseThrow(),
            SecretPolicy.REVEAL);

    /** What {@code cibadmin --empty} gives, plus a resource and a property someone configured by hand. */
    private static final String LIVE = """
            <cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="5" num_updates="0" admin_epoch="0">
              <configuration>
                <crm_config>
                  <cluster_property_set id="cib-bootstrap-options">
                    <nvpair id="cib-bootstrap-options-dc-version" name="dc-version" value="2.1.5-a3f44794f94"/>
                    <nvpair id="cib-bootstrap-options-stonith-enabled" name="stonith-enabled" value="true"/>
                  </cluster_property_set>
                </crm_config>
                <nodes/>
                <resources>
                  <primitive id="admin_dummy" class="ocf" provider="pacemaker" type="Dummy"/>
                </resources>
                <constraints/>
              </configuration>
              <status/>
            </cib>
            """;

    @Test
    void tandemsElementsAreAddedTheirSettingsSetAndEverythingElseStays() {
        assertFalse(CibMerge.converged(LIVE, desired));
        String merged = CibMerge.merged(LIVE, desired);
        assertTrue(CibMerge.converged(merged, desired));
        assertTrue(merged.contains("id=\"admin_dummy\""), "someone else's resource stays");
        assertTrue(merged.contains("name=\"dc-version\""), "Pacemaker's own property stays");
        assertTrue(merged.contains("name=\"stonith-enabled\" value=\"false\""), "Tandem's setting replaces the value, not the set");
        assertEquals(1, merged.split("name=\"stonith-enabled\"", -1).length - 1, "one stonith-enabled, not two");
        assertEquals(merged, CibMerge.merged(merged, desired), "merging again changes nothing");
    }

    @Test
    void aChangedResourceOfTandemsIsReplacedWhole() {
        String merged = CibMerge.merged(LIVE, desired);
        String tampered = merged.replace("value=\"192.168.50.100\"", "value=\"192.168.50.99\"");
        assertFalse(CibMerge.converged(tampered, desired));
        assertTrue(CibMerge.converged(CibMerge.merged(tampered, desired), desired));
    }

    @Test
    void pacemakersOwnCheckerAcceptsTheMergedCib(@TempDir Path dir) throws Exception {
        Path cib = dir.resolve("cib.xml");
        Files.writeString(cib, CibMerge.merged(LIVE, desired));
        Process p = new ProcessBuilder("crm_verify", "-x", cib.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    /** The script apply runs on the node, run here by the real crm_diff and cibadmin against a CIB file instead of a live cluster. */
    @Test
    void thePatchScriptPushesOnlyTandemsPartWithPacemakersOwnTools(@TempDir Path dir) throws Exception {
        Path cib = dir.resolve("cib.xml");
        Files.writeString(cib, LIVE);
        String merged = CibMerge.merged(LIVE, desired);
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", ClusterSteps.PATCH_SCRIPT).redirectErrorStream(true);
        builder.environment().put("CIB_file", cib.toString());
        Process run = builder.start();
        run.getOutputStream().write((LIVE.strip() + "\n" + ClusterSteps.SPLIT + "\n" + merged + "\n").getBytes());
        run.getOutputStream().close();
        String out = new String(run.getInputStream().readAllBytes());
        assertEquals(0, run.waitFor(), out);
        String after = Files.readString(cib);
        assertTrue(CibMerge.converged(after, desired), after);
        assertTrue(after.contains("admin_dummy"));
    }
}
