package io.tandem.render.modern;

import io.tandem.export.AuditExporter;
import io.tandem.model.Project;
import io.tandem.model.ProjectFile;
import io.tandem.render.FileSet;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import io.tandem.testing.RealTools;
import io.tandem.verify.CheckResult;
import io.tandem.verify.CorosyncConfigCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a quorum device corosync.conf gets its device section instead of two_node (corosync
 * refuses both), the preferred node breaks ties, and fencing loses its race delay: only the side
 * with quorum fences. (corosync -t parses these files in the real-tool tier: RandomProjects gives
 * a third of its projects a witness.)
 */
class QuorumDeviceRenderingTest {

    private static final Path QDEVICE = Path.of("examples/vm-lab-qdevice.tandem.json");

    private static String file(Project project, String host, String path) {
        FileSet files = Renderers.render(project);
        return files.text(files.find(host, path).orElseThrow(), SecretPolicy.REDACT);
    }

    private static String quorumSection(String corosync) {
        int start = corosync.indexOf("quorum {");
        return corosync.substring(start, corosync.indexOf("\n}\n", start) + 2);
    }

    @Test
    void corosyncGetsTheDeviceInsteadOfTwoNode() throws Exception {
        Project project = ProjectFile.read(QDEVICE);
        String quorum = quorumSection(file(project, "node2", "/etc/corosync/corosync.conf"));
        assertThat(quorum).doesNotContain("two_node")
                .contains("wait_for_all: 1", "model: net", "votes: 1", "host: 10.205.0.20", "port: 5403", "algorithm: ffsplit", "tls: on")
                .contains("tie_breaker: 1");
        assertThat(quorumSection(file(ProjectFile.read(Examples.VM_LAB_SBD), "node2", "/etc/corosync/corosync.conf")))
                .contains("two_node: 1").doesNotContain("device");

        Project node2Preferred = JsonEdit.of(QDEVICE).set("$.cluster.preferredNode", "node2")
                .set("$.cluster.quorumDevice", Map.of("host", "client", "address", "qnetd.test.lab", "port", 5500)).project();
        assertThat(quorumSection(file(node2Preferred, "node1", "/etc/corosync/corosync.conf")))
                .contains("tie_breaker: 2", "host: qnetd.test.lab", "port: 5500");
    }

    /** sbd logs "quorum using qdevice is distrusted" (and a node that loses its SBD disk resets) when the sync phase outlasts its watchdog. */
    @Test
    void withSbdTheWitnessSyncPhaseFitsInTheWatchdogTimeout(@TempDir Path work) throws Exception {
        String sbd = "$.cluster.stonith.sbd.watchdogTimeout";
        // The witness drops a crashed node after 1.5 heartbeats of 0.8 x timeout: within the sync phase only with timeout cut too.
        Project fast = JsonEdit.of(QDEVICE).set(sbd, 5).set("$.cluster.stonith.sbd.msgwaitTimeout", 10).project();
        assertThat(quorumSection(file(fast, "node2", "/etc/corosync/corosync.conf"))).contains("sync_timeout: 5000\n", "timeout: 4000\n");
        Project example = JsonEdit.of(QDEVICE).set(sbd, 10).set("$.cluster.stonith.sbd.msgwaitTimeout", 20).project();
        assertThat(quorumSection(file(example, "node1", "/etc/corosync/corosync.conf"))).as("0.8 x 10 s is longer than 1.6 x the 3 s token")
                .contains("sync_timeout: 10000\n", "timeout: 4800\n");
        Project slowWatchdog = JsonEdit.of(QDEVICE).set(sbd, 30).set("$.cluster.stonith.sbd.msgwaitTimeout", 60).project();
        assertThat(quorumSection(file(slowWatchdog, "node2", "/etc/corosync/corosync.conf"))).as("corosync's default 30 s already fits")
                .doesNotContain("sync_timeout").contains("timeout: 4800\n");

        RealTools.require("corosync");
        var checked = new CorosyncConfigCheck().run(fast, Renderers.render(fast), work);
        assertThat(checked).as("corosync -t reads the device section with its sync_timeout and timeout").isNotEmpty()
                .allSatisfy(r -> assertThat(r.outcome()).as(r.detail()).isEqualTo(CheckResult.Outcome.PASS));
    }

    /** Until the witness has dropped the crashed node the survivor has no quorum: its vote must be there when the membership forms. */
    @Test
    void theWitnessDropsACrashedNodeBeforeTheNewMembership() throws Exception {
        Project ipmi = JsonEdit.of(Examples.MODERN).set("$.cluster.twoNode", false).set("$.cluster.quorumDevice", Map.of("host", "client"))
                .set("$.cluster.tokenMs", 3000).project();
        assertThat(quorumSection(file(ipmi, "node1", "/etc/corosync/corosync.conf"))).contains("model: net", "timeout: 4800\n")
                .doesNotContain("sync_timeout");
        for (int token : new int[] {1000, 2500, 5000, 6000, 20000}) {
            String quorum = quorumSection(file(JsonEdit.of(QDEVICE).set("$.cluster.tokenMs", token).project(), "node1", "/etc/corosync/corosync.conf"));
            var timeout = java.util.regex.Pattern.compile("(?m)^\\s*timeout: (\\d+)$").matcher(quorum);
            int heartbeats = timeout.find() ? Integer.parseInt(timeout.group(1)) : 10_000;
            if (2.2 * token < 12_000) {
                assertThat(1.2 * heartbeats).as("token %d ms: dropped by the witness before the membership at 2.2 x token", token)
                        .isLessThanOrEqualTo(2.2 * token);
            } else {
                assertThat(heartbeats).as("token %d ms: never above the default", token).isLessThanOrEqualTo(10_000);
            }
            assertThat(heartbeats).as("token %d ms", token).isGreaterThanOrEqualTo(1_000);
        }
    }

    @Test
    void fencingHasNoRaceDelayWithAWitness() throws Exception {
        String cib = file(ProjectFile.read(QDEVICE), "cluster", CibRenderer.PATH);
        assertThat(cib).contains("fence_sbd").doesNotContain("pcmk_delay");
        assertThat(file(ProjectFile.read(Examples.VM_LAB_SBD), "cluster", CibRenderer.PATH)).contains("pcmk_delay_base");

        Project ipmi = JsonEdit.of(Examples.MODERN).set("$.cluster.twoNode", false).set("$.cluster.quorumDevice", Map.of("host", "client"))
                .set("$.replication.fencing", "resource-and-stonith")
                .set("$.cluster.stonith", Map.of("type", "fence_ipmilan", "devices", List.of(
                        Map.of("node", "node1", "address", "10.99.0.11", "user", "admin", "password", "Bm4nX8vQ2kL7wR3t"),
                        Map.of("node", "node2", "address", "10.99.0.12", "user", "admin", "password", "Hs6pD9cF3jT5yG2w")))).project();
        assertThat(file(ipmi, "cluster", CibRenderer.PATH)).contains("fence_node1", "fence_node2").doesNotContain("pcmk_delay");
    }

    @Test
    void theSummaryExplainsTheWitnessAndWhatItCosts(@TempDir Path out) throws Exception {
        Project project = ProjectFile.read(QDEVICE);
        var bundle = new AuditExporter().export(project, Renderers.render(project), List.of(), out.resolve("bundle"), SecretPolicy.REDACT, false);
        String summary = Files.readString(bundle.directory().resolve("SUMMARY.md"));
        assertThat(summary).contains("A quorum device on client (corosync-qnetd at 10.205.0.20:5403", "in a tie node1 wins",
                        "With the witness down too, a lone node has no quorum", "Fencing has no delay")
                .doesNotContain("two_node: 1", "waits 15 s");
    }
}
