package io.tandem.plan;

import io.tandem.model.Project;
import io.tandem.render.modern.PacemakerLayoutBuilder;
import io.tandem.testing.Examples;
import io.tandem.testing.Fixtures;
import io.tandem.testing.JsonEdit;
import io.tandem.testing.StandInTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A cluster applied with the port block pair around LioTarget gets it taken out, p_unblock first. */
class RetirePortblockTest {

    private static boolean done(Step step, String node, String cib, int exit) {
        Probe probe = step.check().probes().getFirst();
        return step.check().done(new ProbeResults().put(node, probe.name(), new ProbeResults.Output(cib, exit)));
    }

    @Test
    void aCibWithThePairIsNotDoneOneWithoutItIs() {
        Step step = ClusterSteps.retirePortblock("node1");
        // The reference lab's live CIB (stock agents inside p_block … p_unblock).
        String withPair = Fixtures.vmlab("node1.healthy.cibadmin_Q.txt");
        assertThat(done(step, "node1", withPair, 0)).isFalse();
        String without = withPair.replaceAll("(?s)<primitive[^>]*id=\"p_(un)?block\".*?</primitive>", "");
        assertThat(without).doesNotContain("<primitive id=\"p_unblock\"").contains("<primitive id=\"p_vip\"");
        assertThat(done(step, "node1", without, 0)).isTrue();
        assertThat(done(step, "node1", "", 1)).as("unread is not done; the step checks again when its turn comes").isFalse();
        assertThat(done(step, "node1", "", 0)).as("an empty answer is no CIB read").isFalse();
        assertThat(done(step, "node1", ClusterSteps.NO_CIB + "\n", 0)).as("a node that never had a cluster has nothing to retire").isTrue();
    }

    /** The probe under the real sh: a node without the CIB file answers the marker; one with it runs cibadmin (a stand-in here). */
    @Test
    void theProbeSaysNoCibOnlyWhereThereIsNoCibFile(@TempDir Path dir) throws Exception {
        Step step = ClusterSteps.retirePortblock("node1");
        String script = step.check().probes().getFirst().script();
        assertThat(script).contains(ClusterSteps.CIB_FILE);
        StandInTools.tool(dir, "cibadmin", "cat \"$DIR/cib.xml\"\n");
        Files.writeString(dir.resolve("cib.xml"), Fixtures.vmlab("node1.healthy.cibadmin_Q.txt"));
        Path file = dir.resolve("var/lib/pacemaker/cib/cib.xml");
        String local = script.replace(ClusterSteps.CIB_FILE, file.toString());
        assertThat(probe(dir, local)).isEqualTo(ClusterSteps.NO_CIB + "\n");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "present");
        String read = probe(dir, local);
        assertThat(read).contains("<primitive id=\"p_unblock\"");
        assertThat(done(step, "node1", read, 0)).isFalse();
    }

    private static String probe(Path dir, String script) throws Exception {
        Process p = StandInTools.start(dir, script);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes());
    }

    @Test
    void onlyLioTargetDropsThePairAndOnlyThenIsTheStepPlanned() throws Exception {
        Project lio = Examples.read(Examples.VM_LAB_SBD);
        Project stock = JsonEdit.of(Examples.VM_LAB).set("$.target.implementation", "lio-t").remove("$.chap.outgoing").project();
        assertThat(PacemakerLayoutBuilder.usesPortblock(lio)).isFalse();
        assertThat(PacemakerLayoutBuilder.usesPortblock(stock)).isTrue();
    }

    /** The script with stand-ins for cibadmin and crm_resource that keep a CIB file and log each call, run by the real sh. */
    @Test
    void theScriptRemovesUnblockAndWaitsBeforeBlock(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cib.xml"), Fixtures.vmlab("node1.healthy.cibadmin_Q.txt"));
        StandInTools.tool(dir, "cibadmin", """
                case "$1" in
                  -Q) cat "$DIR/cib.xml" ;;
                  --delete) id=$(printf '%s' "$3" | sed 's/.*id="\\([^"]*\\)".*/\\1/'); echo "delete $id" >> "$DIR/log"
                            sed -i "s/id=\\"$id\\"/id=\\"gone-$id\\"/" "$DIR/cib.xml" ;;
                  *) exit 9 ;;
                esac
                """);
        StandInTools.tool(dir, "crm_resource", "echo \"wait $*\" >> \"$DIR/log\"\n");
        Process p = StandInTools.start(dir, ClusterSteps.RETIRE_PORTBLOCK_SCRIPT);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(Files.readAllLines(dir.resolve("log"))).containsExactly(
                "delete p_unblock", "wait --wait --timeout=300s", "delete p_block", "wait --wait --timeout=300s");

        // Run again on the CIB it left: nothing to remove, nothing waited for.
        Files.delete(dir.resolve("log"));
        Process again = StandInTools.start(dir, ClusterSteps.RETIRE_PORTBLOCK_SCRIPT);
        assertThat(again.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).isZero();
        assertThat(dir.resolve("log")).doesNotExist();
    }
}
