package io.tandem.lab;

import io.tandem.apply.NetworkChange;
import io.tandem.apply.NetworkCommit;
import io.tandem.apply.NetworkCommitResult;
import io.tandem.apply.NetworkFile;
import io.tandem.apply.RollbackArming;
import io.tandem.ssh.Authentication;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.ExecResult;
import io.tandem.ssh.HostKeyPrompt;
import io.tandem.ssh.HostKeyStore;
import io.tandem.ssh.RemoteCommand;
import io.tandem.ssh.SshConnection;
import io.tandem.ssh.SshTarget;
import io.tandem.testing.LabEnv;
import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Commit-confirm against the namespace lab: node1's eth0 address is the "network configuration".
 * The lab's hosts share this machine's file system (only the client has its own /etc), so the
 * configuration file lives in a work directory under the lab directory, and the activate command
 * is a script that makes eth0's IPv4 addresses those the file lists, run by NetworkCommit inside
 * node1's namespace through the SSH session itself. node1's sshd listens on 10.203.0.11 only
 * (ListenAddress), so taking that address away really cuts Tandem off.
 *
 * <p>Files in the work directory are written and read as root over node2 (same file system),
 * which stays reachable while node1 is cut off. The arming is forced to the detached sleeper: the
 * lab's namespaces share the machine's /run, so on a machine running systemd a timer would roll
 * back in the machine's namespace, not node1's.
 */
class LabNetworkCommitIT {

    private static final Duration T = Duration.ofSeconds(30);
    private static final Duration WINDOW = Duration.ofSeconds(6);
    private static final String EXTRA = "10.203.0.31/24";
    private static final String UNREACHED = "10.203.0.111";
    /** Makes eth0's IPv4 addresses exactly those the file names (one CIDR a line), deleting first. */
    private static final String SET_ADDRESSES = """
            #!/bin/sh
            set -e
            want=$(grep -v '^#' "$1")
            for have in $(ip -4 -o addr show dev eth0 | awk '{print $4}'); do
                printf '%s\\n' "$want" | grep -qxF "$have" || ip addr del "$have" dev eth0
            done
            for a in $want; do
                ip -4 -o addr show dev eth0 | awk '{print $4}' | grep -qxF "$a" || ip addr add "$a" dev eth0
            done
            """;

    private LabEnv lab;
    @TempDir
    Path dir;
    private HostKeyStore store;
    private SshConnection helper;
    private String work;
    private String conf;
    private String original;

    @BeforeEach
    void workDirectory() throws Exception {
        lab = LabEnv.require();
        store = new HostKeyStore(List.of(), dir.resolve("known_hosts"));
        helper = SshConnection.open(login(lab.node2()));
        work = helper.runAsRoot(RemoteCommand.script("d=$(mktemp -d " + lab.get("LAB_DIR") + "/netcommit.XXXXXX) && chmod 755 \"$d\" && "
                + "echo \"$d\""), T).stdout().strip();
        assertThat(work).startsWith(lab.get("LAB_DIR") + "/netcommit.");
        conf = work + "/eth0.conf";
        original = "# node1 eth0\n" + lab.node1() + "/24\n";
        helper.upload(conf, original.getBytes(StandardCharsets.UTF_8), 0644, "root:root", T);
        helper.upload(work + "/set-addresses.sh", SET_ADDRESSES.getBytes(StandardCharsets.UTF_8), 0755, "root:root", T);
    }

    /** node1 gets 10.203.0.11 back whatever happened, for the tests after this one; no sleeper outlives the test. */
    @AfterEach
    void restoreTheLab() throws Exception {
        try {
            List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", "node1", "sh", "-c",
                    "ip -4 addr flush dev eth0 && ip addr add " + lab.node1() + "/24 dev eth0"));
            if (!"root".equals(System.getProperty("user.name"))) {
                command.addAll(0, List.of("sudo", "-n"));
            }
            var restored = LocalCommand.run(command, Map.of(), dir, T);
            assertThat(restored.exitCode()).as("restoring node1's address: " + restored.stderr()).isZero();
        } finally {
            helper.runAsRoot(RemoteCommand.script("for f in " + work + "/state/*/sleeper.pid; do [ -f \"$f\" ] && kill -15 -\"$(cat \"$f\")\" "
                    + "2>/dev/null; done; rm -rf " + work), T);
            helper.close();
        }
    }

    private ConnectionSettings login(String address) {
        return ConnectionSettings.of(new SshTarget(address, 22, lab.get("LAB_KEY_USER")), List.of(new Authentication.KeyFile(lab.key())),
                store, HostKeyPrompt.ACCEPT_NEW);
    }

    private NetworkChange change(String id, String newConf) {
        String activate = "sh " + work + "/set-addresses.sh " + conf;
        return NetworkChange.of(id, List.of(new NetworkFile(conf, newConf.getBytes(StandardCharsets.UTF_8), 0644)), activate, activate)
                .withWindow(WINDOW).withGrace(Duration.ofSeconds(20)).withArming(RollbackArming.DETACHED).withStateRoot(work + "/state");
    }

    private String rootRead(String path) throws Exception {
        ExecResult cat = helper.runAsRoot(RemoteCommand.of("cat", path), T);
        return cat.ok() ? cat.stdout() : "(missing)";
    }

    private String node1Addresses() throws Exception {
        try (SshConnection node1 = SshConnection.open(login(lab.node1()))) {
            return node1.run(RemoteCommand.script("ip -4 -o addr show dev eth0 | awk '{print $4}'"), T).stdout();
        }
    }

    private boolean sleeperRuns(String stateDir) throws Exception {
        // "[s]" keeps the pattern from matching the shell that runs pgrep (sudo's sh -c holds the script).
        return helper.runAsRoot(RemoteCommand.of("pgrep", "-f", stateDir + "/[s]leeper.sh"), T).ok();
    }

    @Test
    void aChangeThatKeepsTheNodeReachableIsCommittedAndNothingRollsBackAfterTheWindow() throws Exception {
        String changed = original + EXTRA + "\n";
        NetworkChange change = change("keeps-reachable", changed)
                .withCheck("ip -4 -o addr show dev eth0 | grep -q ' " + EXTRA + " '");
        List<NetworkCommit.Phase> phases = new ArrayList<>();
        NetworkCommitResult result;
        try (SshConnection ssh = SshConnection.open(login(lab.node1()))) {
            result = new NetworkCommit(phases::add).apply(ssh, change, login(lab.node1()), login(lab.node1()));
        }

        System.out.println("LabNetworkCommitIT: committed in " + result.elapsed().toMillis() + " ms");
        assertThat(result.state()).as(result.message()).isEqualTo(NetworkCommitResult.State.COMMITTED);
        assertThat(result.elapsed()).as("confirmed well inside the window").isLessThan(WINDOW);
        assertThat(phases).containsSubsequence(NetworkCommit.Phase.ARMED, NetworkCommit.Phase.FILES_WRITTEN,
                NetworkCommit.Phase.ACTIVATION_STARTED, NetworkCommit.Phase.VERIFYING, NetworkCommit.Phase.COMMITTED);
        assertThat(sleeperRuns(change.stateDir())).as("the sleeper was killed").isFalse();
        assertThat(rootRead(change.stateDir() + "/decided/by")).isEqualTo("commit\n");
        assertThat(rootRead(change.stateDir() + "/files/0")).as("the old file is kept").isEqualTo(original);

        Thread.sleep(WINDOW.plusSeconds(2).toMillis());
        assertThat(rootRead(conf)).as("after the window: still the new file").isEqualTo(changed);
        assertThat(rootRead(change.stateDir() + "/rolled-back")).isEqualTo("(missing)");
        assertThat(node1Addresses()).isEqualTo(lab.node1() + "/24\n" + EXTRA + "\n");
    }

    @Test
    void aChangeThatCutsTheConnectionIsRolledBackByTheNodeAndTandemSaysSoOverTheOldAddress() throws Exception {
        NetworkChange change = change("cuts-ssh", "# moved\n" + UNREACHED + "/24\n");
        NetworkCommitResult result;
        try (SshConnection ssh = SshConnection.open(login(lab.node1()))) {
            // sshd does not listen on the new address: connection refused while the change is active.
            result = new NetworkCommit().apply(ssh, change, login(lab.node1()), login(UNREACHED));
        }

        System.out.println("LabNetworkCommitIT: rolled back and confirmed in " + result.elapsed().toMillis() + " ms (window "
                + WINDOW.toSeconds() + " s): " + result.message());
        assertThat(result.state()).as(result.message()).isEqualTo(NetworkCommitResult.State.ROLLED_BACK);
        assertThat(result.reason()).contains("could not confirm the change over tandem@" + UNREACHED);
        assertThat(result.elapsed()).as("Tandem waited out the window").isGreaterThanOrEqualTo(WINDOW);
        assertThat(result.answeredOn()).contains("tandem@" + lab.node1());
        assertThat(result.rolledBack()).hasValueSatisfying(m -> assertThat(m).endsWith("files=restored reactivate-exit=0"));
        assertThat(rootRead(change.stateDir() + "/activate.status")).as("the new configuration really was activated").isEqualTo("0\n");
        assertThat(rootRead(conf)).isEqualTo(original);
        assertThat(node1Addresses()).isEqualTo(lab.node1() + "/24\n");
    }

    @Test
    void whenTheSessionDiesRightAfterArmingTheNodeRollsBackByItself() throws Exception {
        NetworkChange change = change("session-dies", "# never activated\n" + UNREACHED + "/24\n");
        RuntimeException vanished = new IllegalStateException("Tandem vanished");
        Throwable thrown;
        try (SshConnection ssh = SshConnection.open(login(lab.node1()))) {
            thrown = catchThrowable(() -> new NetworkCommit(phase -> {
                if (phase == NetworkCommit.Phase.ARMED) {
                    killNode1Sessions();
                    try {
                        // As if Tandem had written the file before it died.
                        helper.upload(conf, "# half applied\n".getBytes(StandardCharsets.UTF_8), 0644, "root:root", T);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    throw vanished;
                }
            }).apply(ssh, change, login(lab.node1()), login(lab.node1())));
        }
        long killedAt = System.nanoTime();
        assertThat(thrown).isSameAs(vanished);
        assertThat(sleeperRuns(change.stateDir())).as("the sleeper outlived the SSH session").isTrue();
        assertThat(rootRead(conf)).isEqualTo("# half applied\n");

        String marker = "(missing)";
        while (marker.equals("(missing)") && System.nanoTime() - killedAt < WINDOW.plusSeconds(15).toNanos()) {
            Thread.sleep(500);
            marker = rootRead(change.stateDir() + "/rolled-back");
        }
        assertThat(marker).endsWith("files=restored reactivate-exit=0\n");
        assertThat(rootRead(change.stateDir() + "/decided/by")).isEqualTo("rollback\n");
        assertThat(rootRead(conf)).isEqualTo(original);
        assertThat(sleeperRuns(change.stateDir())).isFalse();
        assertThat(node1Addresses()).isEqualTo(lab.node1() + "/24\n");
    }

    /** SIGKILL to the sshd processes serving the lab key user in node1's namespace: the connection dies, as in a crash. */
    private void killNode1Sessions() {
        try {
            ExecResult killed = helper.runAsRoot(RemoteCommand.script("n1=$(readlink /proc/$(cat " + lab.get("LAB_DIR") + "/node1/sshd.pid)/ns/net)\n"
                    + "k=0\n"
                    + "for p in $(pgrep -f '^sshd(-session)?: " + lab.get("LAB_KEY_USER") + "[ @]'); do\n"
                    + "    if [ \"$(readlink /proc/$p/ns/net)\" = \"$n1\" ]; then kill -9 \"$p\" && k=$((k + 1)); fi\n"
                    + "done\n"
                    + "echo $k\n"), T);
            assertThat(Integer.parseInt(killed.stdout().strip())).as("sshd session processes killed: " + killed.stderr()).isPositive();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
