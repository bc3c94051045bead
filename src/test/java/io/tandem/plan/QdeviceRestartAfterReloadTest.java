package io.tandem.plan;

import io.tandem.ssh.RemoteCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After corosync.conf changes, corosync reloads it but corosync-qdevice keeps the timeouts it started
 * with (in the VM lab votequorum then expected a poll every 4 s while qdevice polled every 5 s: the
 * device's vote flapped and node1 lost quorum when node2 stopped). The reload restarts qdevice, but
 * only while the nodes' own votes hold quorum. Run by the real {@code sh} with the cluster commands
 * stubbed, {@code corosync-quorumtool -s} answering as captured in the VM lab.
 */
class QdeviceRestartAfterReloadTest {

    @TempDir
    Path dir;

    private record Run(int exit, String log, String stderr) {
    }

    private Run reloadWith(String quorumtoolFixture, boolean qdeviceRuns) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = dir.resolve("log");
        Files.writeString(log, "");
        ConvergedHost.stub(bin, "systemctl", "case $1 in is-active) [ \"$3\" = corosync ] || [ " + (qdeviceRuns ? 1 : 0) + " = 1 ];;\n"
                + "*) echo \"systemctl $*\" >> '" + log + "';; esac\n");
        ConvergedHost.stub(bin, "corosync-cfgtool", "echo \"corosync-cfgtool $*\" >> '" + log + "'\n");
        Path fixture = Path.of("src/test/resources/fixtures/vmlab", quorumtoolFixture);
        ConvergedHost.stub(bin, "corosync-quorumtool", "cat '" + fixture.toAbsolutePath() + "'\n");
        RemoteCommand reload = Reloads.after("/etc/corosync/corosync.conf").orElseThrow();
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", reload.script()).directory(dir.toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        p.getOutputStream().close();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        return new Run(exit, Files.readString(log), stderr);
    }

    @Test
    void withBothNodesUpQdeviceIsRestartedAfterTheReload() throws Exception {
        Run run = reloadWith("node1.qdevice-applied.corosync_quorumtool_s.txt", true);
        assertThat(run.exit()).isZero();
        assertThat(run.log()).isEqualTo("corosync-cfgtool -R\nsystemctl restart corosync-qdevice\n");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void withThePeerDownQdeviceKeepsRunningAndTheReloadSaysWhy() throws Exception {
        // node1 alone: its own vote (1) is not quorum (2) without the device's.
        Run run = reloadWith("node1.peer-stopped.corosync_quorumtool_s.txt", true);
        assertThat(run.exit()).as("the file is written; nothing failed").isZero();
        assertThat(run.log()).isEqualTo("corosync-cfgtool -R\n");
        assertThat(run.stderr()).contains("corosync-qdevice keeps its old settings", "own votes (1)", "quorum (2)", "once the other node is back");
    }

    @Test
    void withoutAQuorumDeviceOnlyCorosyncReloads() throws Exception {
        Run run = reloadWith("node1.qdevice-applied.corosync_quorumtool_s.txt", false);
        assertThat(run.exit()).isZero();
        assertThat(run.log()).isEqualTo("corosync-cfgtool -R\n");
    }
}
