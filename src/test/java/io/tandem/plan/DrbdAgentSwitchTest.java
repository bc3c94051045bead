package io.tandem.plan;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.CibRenderer;
import io.tandem.testing.Fixtures;
import io.tandem.testing.RealTools;
import io.tandem.testing.StandInTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster whose DRBD clones run LINBIT's agent gets Tandem's, inside one maintenance-mode window: the
 * script runs under the real sh with the real cibadmin on a copy of the reference lab's live CIB
 * ({@code CIB_file}), and stand-ins for crm_attribute and crm_resource that log each call.
 */
class DrbdAgentSwitchTest {

    /** The reference lab's live CIB: drbd_r0 on ocf:linbit:drbd (attributes in Pacemaker's order: class, type, provider). */
    private static final String LIVE = Fixtures.vmlab("node1.healthy.cibadmin_Q.txt");

    @Test
    void aCibOnLinbitsAgentIsNotDoneTheRenderedOneIs() {
        Project project = PlanFixtures.vmLabSbd();
        String rendered = renderedCib(project);
        assertThat(LIVE).contains("<primitive id=\"drbd_r0\" class=\"ocf\" type=\"drbd\" provider=\"linbit\">");
        assertThat(DrbdAgentSwitch.done(LIVE, List.of("drbd_r0"))).isFalse();
        assertThat(DrbdAgentSwitch.done(rendered, List.of("drbd_r0", "drbd_r1"))).isTrue();
        assertThat(DrbdAgentSwitch.done(LIVE, List.of("drbd_r7"))).as("a clone the cluster does not have yet is the CIB merge's").isTrue();
        assertThat(DrbdAgentSwitch.done(ClusterSteps.NO_CIB + "\n", List.of("drbd_r0"))).as("a node that never had a cluster").isTrue();
        assertThat(DrbdAgentSwitch.done("", List.of("drbd_r0"))).as("an unread CIB is checked again when the step's turn comes").isFalse();
    }

    @Test
    void aPlanOnAClusterOnLinbitsAgentSwitchesBeforeTheCibMergeAndAConvergedOneDoesNot() {
        Project project = PlanFixtures.vmLabSbd();
        FileSet files = PlanFixtures.render(project);
        assertThat(PlanFixtures.plan(project, PlanFixtures.converged(project, files))).extracting(Step::id).doesNotContain("drbd-agent-switch");

        ProbeResults earlier = PlanFixtures.converged(project, files);
        earlier.put("node1", "cib-file", new ProbeResults.Output(LIVE, 0));
        earlier.put("node1", "cib", new ProbeResults.Output(LIVE, 0));
        List<String> ids = PlanFixtures.plan(project, earlier).stream().map(Step::id).toList();
        assertThat(ids).contains("drbd-agent-switch", "cib");
        assertThat(ids.indexOf("drbd-agent-switch")).isLessThan(ids.indexOf("cib"));
    }

    @Test
    void theScriptReplacesOnlyPrimitivesOnAnotherAgentInsideMaintenanceMode(@TempDir Path dir) throws Exception {
        RealTools.require("cibadmin", "crm_verify");
        Path cib = dir.resolve("cib.xml");
        Files.writeString(cib, LIVE);
        logging(dir, "crm_resource");
        logging(dir, "crm_attribute");
        Map<String, String> primitives = DrbdAgentSwitch.renderedPrimitives(renderedCib(PlanFixtures.vmLabSbd()), List.of("drbd_r0", "drbd_r1"));
        String script = DrbdAgentSwitch.script(primitives);

        assertThat(run(dir, cib, script)).isZero();
        assertThat(Files.readAllLines(dir.resolve("log"))).containsExactly(
                "crm_attribute --type crm_config --name maintenance-mode --query --quiet",
                "crm_attribute --type crm_config --name maintenance-mode --update true",
                "crm_resource --wait --timeout=300s",
                "cibadmin replaced drbd_r0",
                "crm_resource --refresh --resource drbd_r0-clone",
                "crm_resource --wait --timeout=300s",
                "crm_attribute --type crm_config --name maintenance-mode --delete",
                "crm_resource --wait --timeout=300s");
        String after = Files.readString(cib);
        assertThat(after).contains("<primitive id=\"drbd_r0\" class=\"ocf\" provider=\"tandem\" type=\"Drbd84\">")
                .contains("id=\"drbd_r0-instance_attributes-minor\" name=\"minor\" value=\"0\"")
                .as("the rest of the CIB is left to the CIB merge").contains("<primitive id=\"p_vip\" class=\"ocf\" type=\"IPaddr2\" provider=\"heartbeat\">");
        assertThat(DrbdAgentSwitch.done(after, List.of("drbd_r0", "drbd_r1"))).isTrue();

        // Again on what it left: nothing to do, maintenance mode untouched.
        Files.delete(dir.resolve("log"));
        assertThat(run(dir, cib, script)).isZero();
        assertThat(dir.resolve("log")).doesNotExist();
    }

    /** A refused replace (here: the CIB file cannot be written) ends the script with an error and lifts maintenance mode again. */
    @Test
    void aFailingReplaceLiftsMaintenanceMode(@TempDir Path dir) throws Exception {
        RealTools.require("cibadmin");
        Path cib = dir.resolve("cib.xml");
        Files.writeString(cib, LIVE);
        logging(dir, "crm_resource");
        logging(dir, "crm_attribute");
        String script = DrbdAgentSwitch.script(Map.of("drbd_r0", "<primitive id=\"drbd_r0\" class=\"ocf\" provider=\"tandem\" type=\"Drbd84\"><broken"));
        assertThat(run(dir, cib, script)).isNotZero();
        List<String> log = Files.readAllLines(dir.resolve("log"));
        assertThat(log).contains("crm_attribute --type crm_config --name maintenance-mode --update true").doesNotContain("crm_resource --refresh --resource drbd_r0-clone");
        assertThat(log.getLast()).isEqualTo("crm_attribute --type crm_config --name maintenance-mode --delete");
        assertThat(Files.readString(cib)).contains("type=\"drbd\" provider=\"linbit\"");
    }

    private static String renderedCib(Project project) {
        FileSet files = PlanFixtures.render(project);
        return files.text(files.find(RenderedFile.CLUSTER, CibRenderer.PATH).orElseThrow(), SecretPolicy.REVEAL);
    }

    /** A stand-in that logs its call; the real cibadmin stays, wrapped so that a replace is logged by the primitive it names. */
    private static void logging(Path dir, String name) throws Exception {
        StandInTools.tool(dir, name, "echo \"" + name + " $*\" >> \"$DIR/log\"\n");
        StandInTools.tool(dir, "cibadmin", """
                case "$*" in *--replace*) echo "cibadmin replaced $(printf '%s' "$*" | sed -n 's/.*<primitive id="\\([^"]*\\)".*/\\1/p' | head -n 1)" >> "$DIR/log" ;; esac
                exec /usr/sbin/cibadmin "$@"
                """);
    }

    private static int run(Path dir, Path cib, String script) throws Exception {
        Process p = StandInTools.start(dir, "export CIB_file=" + cib + "\n" + script);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        p.getInputStream().readAllBytes();
        return p.exitValue();
    }
}
