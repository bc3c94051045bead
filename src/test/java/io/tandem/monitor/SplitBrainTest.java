package io.tandem.monitor;

import io.tandem.model.DrbdResource;
import io.tandem.model.Project;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.tandem.testing.Fixtures.vmlab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The split brain's facts in words, when its recovery is refused, and the documented commands it runs, in order, on the right side. */
class SplitBrainTest {

    /** Both sides of the VM lab's split brain as the kernel logged them at the handshake (fixtures/vmlab node1.split-brain.drbd_kernel_log). */
    private static final String NODE1 = "363B84DB16D34991:1446A59C56A4CE39:0DDAB7184AA7F0EB:0DD9B7184AA7F0EB";
    private static final String NODE2 = "E34F43E2F4E1C58B:1446A59C56A4CE38:0DDAB7184AA7F0EA:0DD9B7184AA7F0EB";

    private static Scenario splitBrain() {
        return VmLabScenarios.healthy().fact("node1", StatusScript.PROC_DRBD, vmlab("node1.split-brain.proc_drbd.txt"))
                .fact("node2", StatusScript.PROC_DRBD, vmlab("node2.split-brain.proc_drbd.txt"));
    }

    @Test
    void theKernelLogsHandshakeHasTheIdentifiersThisTestUses() {
        assertThat(vmlab("node1.split-brain.drbd_kernel_log.txt")).contains("self " + NODE1 + " bits:16", "peer " + NODE2 + " bits:16");
    }

    @Test
    void generationIdentifiersInWordsSayBothSidesChangedAfterTheyWereLastInSync() {
        var one = SplitBrain.GenerationIds.parse(NODE1 + ":1:1:1:1:0:0:0:0\n").orElseThrow();
        var two = SplitBrain.GenerationIds.parse(NODE2).orElseThrow();
        assertThat(one.current()).isEqualTo("363B84DB16D34991");
        assertThat(one.words(Optional.of(two))).isEqualTo("its data is generation 363B84DB…; it has changes of its own since it lost its peer "
                + "(tracked from generation 1446A59C…); both sides changed the data after they were last in sync");
        var synced = SplitBrain.GenerationIds.parse("F13E107B1480B0FF:0000000000000000:5753E1EECBFD5475:5752E1EECBFD5475").orElseThrow();
        assertThat(synced.words(Optional.of(SplitBrain.GenerationIds.parse("F13E107B1480B0FE:0000000000000000:5753E1EECBFD5475:5752E1EECBFD5475")
                .orElseThrow()))).endsWith("no change of its own since it last saw its peer; the same data as the other side");
        assertThat(SplitBrain.GenerationIds.parse("r0 not defined in your config")).isEmpty();
    }

    @Test
    void theSideServingTheTargetIsNotDiscardedAndANonSplitResourceIsNotRecovered() throws Exception {
        Scenario s = splitBrain();
        ClusterSnapshot now = s.read();
        assertThat(SplitBrain.refusal(s.project(), now, "r0", "node1")).get().asString()
                .startsWith("node1 serves the target now: throwing its changes away would take the storage from the clients.");
        assertThat(SplitBrain.refusal(s.project(), now, "r0", "node2")).isEmpty();
        assertThat(SplitBrain.refusal(s.project(), now, "r1", "node2")).get().asString().startsWith("r1 is not in split brain now");
        s.silent("node1", "down");
        assertThat(SplitBrain.refusal(s.project(), s.read(), "r0", "node2")).get().asString()
                .isEqualTo("node1 did not answer: its copy is the one kept, so it must be reachable first.");
    }

    @Test
    void recoveryRunsTheDocumentedCommandsOnTheDiscardedSideThenTheKeptOne() throws Exception {
        Project project = VmLabScenarios.healthy().project();
        DrbdResource r0 = project.resource("r0").orElseThrow();
        List<String> ran = new ArrayList<>();
        HostCommands hosts = (host, script, timeout) -> {
            ran.add(host + ":\n" + script);
            return new HostCommands.Result(0, "", "");
        };
        List<String> log = SplitBrain.recover(hosts, project, r0, "node2");
        assertThat(ran).containsExactly(
                "node2:\nset -e\ndrbdadm disconnect r0 2>/dev/null || true\ndrbdadm secondary r0\ndrbdadm connect --discard-my-data r0\n",
                "node1:\nset -e\nif drbdadm cstate r0 | grep -q StandAlone; then drbdadm connect r0; fi\n");
        assertThat(log).containsExactly("node2: discard node2's changes of r0", "node1: reconnect node1");
        assertThat(SplitBrain.confirmationFor("node2", "r0")).isEqualTo("discard node2 r0");
    }

    @Test
    void aFailedStepStopsTheRecoveryWithDrbdadmsWords() {
        Project project = VmLabScenarios.healthy().project();
        List<String> hostsRun = new ArrayList<>();
        HostCommands hosts = (host, script, timeout) -> {
            hostsRun.add(host);
            return new HostCommands.Result(11, "", "0: State change failed: (-12) Device is held open by someone\n");
        };
        assertThatThrownBy(() -> SplitBrain.recover(hosts, project, project.resource("r0").orElseThrow(), "node2"))
                .hasMessage("discard node2's changes of r0 failed on node2 (exit 11): 0: State change failed: (-12) Device is held open by someone");
        assertThat(hostsRun).as("the kept side is not touched after a failure").containsExactly("node2");
    }

    @Test
    void theScriptsAreValidShell() throws Exception {
        DrbdResource r0 = VmLabScenarios.healthy().project().resource("r0").orElseThrow();
        for (String script : List.of(SplitBrain.victimScript(r0), SplitBrain.survivorScript(r0), SplitBrain.readIds(r0))) {
            Path file = Files.createTempFile("split-brain", ".sh");
            Files.writeString(file, script);
            Process p = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
            assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
            Files.delete(file);
        }
    }
}
