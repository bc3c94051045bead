package io.tandem.apply;

import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scripts run by the real {@code sh} on this machine, in a temporary directory standing in for
 * the node's file system (no root needed): save, arm (the detached sleeper), commit, roll back, and
 * hostile command text that must land in files byte for byte and never run.
 */
class NetworkCommitScriptsTest {

    @TempDir
    Path dir;
    private Path conf;
    private Path added;
    private Path root;
    private Path pwned;
    private String hostile;
    private NetworkCommitScripts scripts;
    private NetworkChange change;

    @BeforeEach
    void node() throws IOException {
        conf = dir.resolve("interfaces");
        Files.writeString(conf, "auto eth0\niface eth0 inet static\n");
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r-----"));
        added = dir.resolve("interfaces.d-bond0");
        root = dir.resolve("state");
        pwned = dir.resolve("pwned");
        hostile = "echo 'it''s' \"$(touch " + pwned + ")\" `touch " + pwned + "`; echo \\\n# $HOME 'end\n";
        change = NetworkChange.of("net-test-1", List.of(new NetworkFile(conf.toString(), bytes("new\n"), 0644),
                        new NetworkFile(added.toString(), bytes("bond\n"), 0644)),
                "echo activated >" + dir.resolve("activated") + "\necho \"it's\" '$(not run)'",
                "echo reactivated >>" + dir.resolve("reactivated"))
                .withArming(RollbackArming.DETACHED).withWindow(Duration.ofSeconds(30)).withStateRoot(root.toString());
        scripts = new NetworkCommitScripts(change);
    }

    @AfterEach
    void noSleeperLeft() throws IOException {
        Path pid = root.resolve("net-test-1/sleeper.pid");
        if (Files.exists(pid)) {
            sh("kill -15 -" + Files.readString(pid).strip() + " 2>/dev/null; true");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private LocalCommand.Output sh(String script) throws IOException {
        return LocalCommand.run(List.of("sh", "-c", script), Map.of(), dir, Duration.ofSeconds(20));
    }

    private Path state(String name) {
        return root.resolve("net-test-1").resolve(name);
    }

    @Test
    void armSavesTheFilesWritesTheScriptsVerbatimAndStartsASleeperInASessionOfItsOwn() throws IOException {
        LocalCommand.Output armed = sh(scripts.arm());

        assertThat(armed.exitCode()).as(armed.stderr()).isZero();
        assertThat(armed.stdout()).isEqualTo("tandem-netcommit armed setsid\n");
        assertThat(state("files/0")).hasContent("auto eth0\niface eth0 inet static\n");
        assertThat(Files.getPosixFilePermissions(state("files/0"))).as("cp -p keeps the mode")
                .isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(state("files/1")).as("the second file did not exist: nothing saved").doesNotExist();
        assertThat(state("manifest")).hasContent("0 " + conf + "\n1 " + added + "\n");
        assertThat(Files.readString(state("activate.sh"))).isEqualTo(change.activate());
        assertThat(Files.readString(state("restore.sh"))).isEqualTo(scripts.restore());
        assertThat(Files.getPosixFilePermissions(root.resolve("net-test-1"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(dir.resolve("activated")).as("arming activates nothing").doesNotExist();

        String pid = Files.readString(state("sleeper.pid")).strip();
        String ps = sh("ps -o pid=,pgid=,sid=,args= -p " + pid).stdout().strip();
        String[] columns = ps.split("\\s+", 4);
        assertThat(columns).as("pid, group and session all the sleeper's own: " + ps).startsWith(pid, pid, pid);
        assertThat(columns[3]).endsWith("sleeper.sh");
    }

    /** Command text with quotes, $(), backticks, backslashes and newlines reaches the node as file content only. */
    @Test
    void hostileCommandTextIsStoredByteForByteAndNeverRunWhenArming() throws IOException {
        NetworkCommitScripts withHostile = new NetworkCommitScripts(new NetworkChange(change.id(), change.files(), hostile, hostile + "'",
                change.check(), change.window(), change.grace(), change.arming(), change.stateRoot()));
        LocalCommand.Output armed = sh(withHostile.arm());
        assertThat(armed.exitCode()).as(armed.stderr()).isZero();
        assertThat(Files.readString(state("activate.sh"))).isEqualTo(hostile);
        assertThat(Files.readString(state("reactivate.sh"))).isEqualTo(hostile + "'");
        assertThat(pwned).doesNotExist();
    }

    @Test
    void anIdUsedBeforeIsRefusedAndLeavesTheFirstChangesDirectoryAlone() throws IOException {
        assertThat(sh(scripts.arm()).exitCode()).isZero();
        LocalCommand.Output again = sh(scripts.arm());
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.stderr()).contains("exists already: use a new change id");
        assertThat(state("files/0")).exists();
    }

    @Test
    void aPathThatIsNotARegularFileFailsBeforeArmingAndLeavesNothing() throws IOException {
        Files.delete(conf);
        Files.createDirectory(conf);
        LocalCommand.Output armed = sh(scripts.arm());
        assertThat(armed.exitCode()).isEqualTo(4);
        assertThat(armed.stderr()).contains(conf + " exists but is not a regular file");
        assertThat(root.resolve("net-test-1")).as("removed again: a later try may use the id").doesNotExist();
    }

    @Test
    void systemdOnlyArmingRefusesAHostWithoutSystemdAndLeavesNothing() throws IOException {
        NetworkCommitScripts systemd = new NetworkCommitScripts(change.withArming(RollbackArming.SYSTEMD));
        LocalCommand.Output armed = sh(systemd.arm().replace("/run/systemd/system", dir.resolve("no-systemd").toString()));
        assertThat(armed.exitCode()).isEqualTo(5);
        assertThat(armed.stderr()).contains("systemd does not run this host");
        assertThat(root.resolve("net-test-1")).doesNotExist();
    }

    @Test
    void theSystemdTimerIsATransientUnitNamedAfterTheIdWithTheWindow() {
        String arm = new NetworkCommitScripts(change.withArming(RollbackArming.AUTO)).arm();
        assertThat(arm).contains("if [ -d /run/systemd/system ] && command -v systemd-run >/dev/null; then\n"
                        + "    systemd-run --quiet --unit=tandem-rollback-net-test-1 --on-active=30s --timer-property=AccuracySec=1s "
                        + "--description='Tandem network rollback net-test-1' /bin/sh \"$d/restore.sh\"\n")
                .contains("else\n    printf '%s' ").contains("    setsid -f sh \"$d/sleeper.sh\"");
        assertThat(new NetworkCommitScripts(change.withArming(RollbackArming.DETACHED)).arm()).doesNotContain("systemd-run");
        assertThat(new NetworkCommitScripts(change.withArming(RollbackArming.SYSTEMD)).arm()).doesNotContain("setsid");
        assertThat(scripts.disarm()).contains("systemctl stop tandem-rollback-net-test-1.timer");
    }

    @Test
    void theRollbackPutsTheOldFileBackRemovesTheNewOneReactivatesAndRunsOnlyOnce() throws IOException {
        assertThat(sh(scripts.arm()).exitCode()).isZero();
        Files.writeString(conf, "new\n");
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(added, "bond\n");

        assertThat(sh("sh " + state("restore.sh")).exitCode()).isZero();
        assertThat(conf).hasContent("auto eth0\niface eth0 inet static\n");
        assertThat(Files.getPosixFilePermissions(conf)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(added).doesNotExist();
        assertThat(dir.resolve("reactivated")).hasContent("reactivated");
        assertThat(Files.readString(state("rolled-back"))).matches("at=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ files=restored reactivate-exit=0\n");
        assertThat(state("decided/by")).hasContent("rollback");

        Files.writeString(conf, "changed after the rollback\n");
        sh("sh " + state("restore.sh"));
        assertThat(conf).as("a second run (the sleeper after Tandem's own rollback) changes nothing").hasContent("changed after the rollback\n");
        assertThat(dir.resolve("reactivated")).hasContent("reactivated");

        RollbackObservation late = RollbackObservation.parse(sh(scripts.disarm()).stdout());
        assertThat(late.decided()).as("a confirmation after the rollback began loses").isEqualTo(RollbackObservation.Decided.ROLLBACK);
        RollbackObservation seen = RollbackObservation.parse(sh(scripts.probe()).stdout());
        assertThat(seen.decided()).isEqualTo(RollbackObservation.Decided.ROLLBACK);
        assertThat(seen.rolledBackCleanly()).isTrue();
    }

    @Test
    void aFailingReactivationIsRecordedInTheMarker() throws IOException {
        NetworkCommitScripts failing = new NetworkCommitScripts(new NetworkChange(change.id(), change.files(), change.activate(),
                "echo no carrier >&2; exit 7", change.check(), change.window(), change.grace(), change.arming(), change.stateRoot()));
        assertThat(sh(failing.arm()).exitCode()).isZero();
        sh("sh " + state("restore.sh"));
        RollbackObservation seen = RollbackObservation.parse(sh(failing.probe()).stdout());
        assertThat(seen.rolledBack()).hasValueSatisfying(m -> assertThat(m).endsWith("files=restored reactivate-exit=7"));
        assertThat(seen.rolledBackCleanly()).isFalse();
        assertThat(state("reactivate.log")).hasContent("no carrier");
    }

    @Test
    void theCommitKillsTheSleeperKeepsTheSavedFilesAndTheRollbackThenDoesNothing() throws Exception {
        assertThat(sh(scripts.arm()).exitCode()).isZero();
        String pid = Files.readString(state("sleeper.pid")).strip();
        Files.writeString(conf, "new\n");

        assertThat(sh(scripts.disarm()).stdout()).isEqualTo("tandem-netcommit decided commit\n");
        assertThat(sleeperState(pid)).as("the sleeper and its sleep are gone (a zombie where nobody reaps)").isIn("gone", "Z");
        assertThat(sh("ps -o stat= -s " + pid).stdout().lines().filter(stat -> !stat.startsWith("Z")))
                .as("nothing left running in the sleeper's session").isEmpty();
        assertThat(state("sleeper.pid")).doesNotExist();
        assertThat(state("armed")).doesNotExist();
        assertThat(state("files/0")).exists();
        assertThat(state("committed")).exists();

        sh("sh " + state("restore.sh"));
        assertThat(conf).as("a rollback after the commit changes nothing").hasContent("new\n");
        assertThat(RollbackObservation.parse(sh(scripts.probe()).stdout()).decided()).isEqualTo(RollbackObservation.Decided.COMMIT);
    }

    private String sleeperState(String pid) throws IOException {
        Path status = Path.of("/proc", pid, "status");
        for (int i = 0; i < 50 && Files.exists(status); i++) {
            String state = Files.readAllLines(status).stream().filter(l -> l.startsWith("State:")).findFirst().orElse("");
            if (state.contains("Z")) {
                return "Z";
            }
            sh("sleep 0.05");
        }
        return Files.exists(status) ? "alive" : "gone";
    }

    @Test
    void theActivationRunsOnceRecordsItsExitStatusAndIsSkippedOnceDecided() throws IOException {
        assertThat(sh(scripts.arm()).exitCode()).isZero();
        assertThat(sh(scripts.launchActivation()).stdout()).isEqualTo("tandem-netcommit activation started\n");
        RollbackObservation done = RollbackObservation.parse(sh(scripts.awaitActivation(10)).stdout());
        assertThat(done.activate()).isEqualTo("0");
        assertThat(dir.resolve("activated")).hasContent("activated");
        assertThat(state("activate.log")).hasContent("it's $(not run)");

        Files.delete(state("activate.status"));
        sh("mkdir " + state("decided"));
        sh(scripts.launchActivation());
        assertThat(RollbackObservation.parse(sh(scripts.awaitActivation(10)).stdout()).activate()).isEqualTo("skipped");
    }

    @Test
    void launchingWithoutAnArmedRollbackRefuses() throws IOException {
        LocalCommand.Output launched = sh(scripts.launchActivation());
        assertThat(launched.exitCode()).isEqualTo(3);
        assertThat(launched.stderr()).contains("not armed");
    }

    @Test
    void theProbeOfAMissingDirectorySaysSo() throws IOException {
        assertThat(RollbackObservation.parse(sh(scripts.probe()).stdout()).decided()).isEqualTo(RollbackObservation.Decided.STATE_MISSING);
    }

    @Test
    void hostileIdsPathsAndCommandsAreRejectedBeforeAnyScriptIsMade() {
        List<String> badIds = List.of("a;b", "a b", "$(x)", "`x`", "a'b", "a\nb", "../x", "A", "-x", "", "x".repeat(49));
        for (String id : badIds) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException().as(id)
                    .isThrownBy(() -> NetworkChange.of(id, change.files(), "true", "true")).withMessageContaining("id");
        }
        List<String> badPaths = List.of("relative", "/etc/x;y", "/etc/$(x)", "/etc/a b", "/etc/../shadow", "/etc/./x", "/etc/x'y",
                "/etc/x\ny", "/etc/`x`", "/", "/etc//x");
        for (String path : badPaths) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException().as(path)
                    .isThrownBy(() -> new NetworkFile(path, new byte[0], 0644)).withMessageContaining("path");
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException().as(path)
                    .isThrownBy(() -> change.withStateRoot(path)).withMessageContaining("rollback state directory");
        }
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> NetworkChange.of("x", change.files(), "true\0rm -rf /", "true"));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> NetworkChange.of("x", change.files(), " \n", "true"));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> NetworkChange.of("x", List.of(change.files().getFirst(), change.files().getFirst()), "true", "true"))
                .withMessageContaining("listed twice");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> change.withWindow(Duration.ofSeconds(4)));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> change.withWindow(Duration.ofMillis(5500)));
        assertThat(NetworkChange.newId()).matches("net-\\d{8}-\\d{6}-[0-9a-f]{6}");
    }

    @Test
    void everyScriptIsValidShAndNamesTheDirectoryQuoted() throws IOException {
        for (String script : List.of(scripts.arm(), scripts.restore(), scripts.sleeper(), scripts.activationRunner(),
                scripts.launchActivation(), scripts.awaitActivation(3), scripts.disarm(), scripts.rollBackNow(), scripts.probe())) {
            LocalCommand.Output parsed = LocalCommand.run(List.of("sh", "-n", "-c", script), Map.of(), dir, Duration.ofSeconds(10));
            assertThat(parsed.exitCode()).as(parsed.stderr() + "\n" + script).isZero();
            assertThat(script).contains("d=" + root.resolve("net-test-1") + "\n");
        }
    }
}
