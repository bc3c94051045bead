package io.tandem.lab;

import io.tandem.model.Secret;
import io.tandem.ssh.Authentication;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.ExecResult;
import io.tandem.ssh.HostKeyPrompt;
import io.tandem.ssh.HostKeyStore;
import io.tandem.ssh.RemoteCommand;
import io.tandem.ssh.SshConnection;
import io.tandem.ssh.SshFailure;
import io.tandem.ssh.SshTarget;
import io.tandem.ssh.Sudo;
import io.tandem.testing.LabEnv;
import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The SSH layer against the namespace lab's real OpenSSH servers, real sudo and an ed25519 key. */
class LabSshIT {

    private static final Duration T = Duration.ofSeconds(30);

    private LabEnv lab;
    @TempDir
    Path dir;
    private HostKeyStore store;

    @BeforeEach
    void lab() {
        lab = LabEnv.require();
        store = new HostKeyStore(List.of(), dir.resolve("known_hosts"));
    }

    private ConnectionSettings keyLogin(String address, HostKeyPrompt prompt) {
        return ConnectionSettings.of(new SshTarget(address, 22, lab.get("LAB_KEY_USER")), List.of(new Authentication.KeyFile(lab.key())),
                store, prompt);
    }

    private String fingerprintOf(String hostKeyPub) throws Exception {
        return LocalCommand.run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", hostKeyPub), Map.of(), dir, T).stdout().split(" ")[1];
    }

    @Test
    void firstContactAsksWithTheRealFingerprintAndSudoWorksWithoutAPassword() throws Exception {
        AtomicReference<HostKeyPrompt.UnknownKey> asked = new AtomicReference<>();
        try (SshConnection ssh = SshConnection.open(keyLogin(lab.node1(), key -> {
            asked.set(key);
            return true;
        }))) {
            assertThat(ssh.run(RemoteCommand.of("hostname"), T).stdout()).isEqualTo("node1\n");
            ExecResult root = ssh.runAsRoot(RemoteCommand.of("id", "-u"), T);
            assertThat(root.stdout()).isEqualTo("0\n");
        }
        assertThat(asked.get().keyType()).isEqualTo("ssh-ed25519");
        assertThat(asked.get().fingerprint()).isEqualTo(fingerprintOf(lab.get("LAB_NODE1_HOSTKEY_PUB")));
    }

    @Test
    void sudoWithAPasswordOnStdinAndTheTypedFailuresWhenItIsMissingOrWrong() throws Exception {
        Secret password = Secret.of(lab.get("LAB_PASSWORD"));
        ConnectionSettings settings = ConnectionSettings.of(new SshTarget(lab.node2(), 22, lab.get("LAB_PASSWORD_USER")),
                List.of(new Authentication.Password(password)), store, HostKeyPrompt.ACCEPT_NEW);
        try (SshConnection ssh = SshConnection.open(settings.withSudo(new Sudo.WithPassword(password)))) {
            assertThat(ssh.run(RemoteCommand.of("id", "-un"), T).stdout()).isEqualTo(lab.get("LAB_PASSWORD_USER") + "\n");
            assertThat(ssh.runAsRoot(RemoteCommand.of("id", "-u"), T).stdout()).isEqualTo("0\n");
        }
        try (SshConnection ssh = SshConnection.open(settings.withSudo(new Sudo.Passwordless()))) {
            SshFailure needed = catchThrowableOfType(SshFailure.class, () -> ssh.runAsRoot(RemoteCommand.of("id", "-u"), T));
            assertThat(needed.kind()).isEqualTo(SshFailure.Kind.SUDO_PASSWORD_REQUIRED);
        }
        try (SshConnection ssh = SshConnection.open(settings.withSudo(new Sudo.WithPassword(Secret.of("not-the-password"))))) {
            SshFailure wrong = catchThrowableOfType(SshFailure.class, () -> ssh.runAsRoot(RemoteCommand.of("id", "-u"), T));
            assertThat(wrong.kind()).isEqualTo(SshFailure.Kind.SUDO_PASSWORD_WRONG);
            assertThat(wrong.getMessage()).doesNotContain("not-the-password");
        }
    }

    private static final byte[] CONTENT = "first line\nsecond 'quoted' $(not run)\nno newline at the end".getBytes(StandardCharsets.UTF_8);

    /**
     * A sudo password is given in all three cases, but real sudo asks for it only in the last: a
     * root login and NOPASSWD never read it. It must reach sudo only when asked, never a command.
     */
    @Test
    void theSudoPasswordReachesSudoOnlyWhenItAsksAndNeverACommand() throws Exception {
        Secret neverAsked = Secret.of("sudo-password-sudo-never-asks-for");
        Secret labPassword = Secret.of(lab.get("LAB_PASSWORD"));
        Map<String, ConnectionSettings> cases = new LinkedHashMap<>();
        cases.put("root-login", ConnectionSettings.of(new SshTarget(lab.node1(), 22, "root"), List.of(new Authentication.KeyFile(lab.key())),
                store, HostKeyPrompt.ACCEPT_NEW).withSudo(new Sudo.WithPassword(neverAsked)));
        cases.put("nopasswd", keyLogin(lab.node1(), HostKeyPrompt.ACCEPT_NEW).withSudo(new Sudo.WithPassword(neverAsked)));
        cases.put("sudo-asks", ConnectionSettings.of(new SshTarget(lab.node2(), 22, lab.get("LAB_PASSWORD_USER")),
                List.of(new Authentication.Password(labPassword)), store, HostKeyPrompt.ACCEPT_NEW).withSudo(new Sudo.WithPassword(labPassword)));
        for (var c : cases.entrySet()) {
            Path target = dir.resolve(c.getKey() + ".conf");
            try (SshConnection ssh = SshConnection.open(c.getValue())) {
                ssh.upload(target.toString(), CONTENT, 0640, "root:root", T);
                ExecResult cat = ssh.runAsRoot(RemoteCommand.of("cat"), T);
                assertThat(cat.stdout()).as(c.getKey() + ": what cat read").isEmpty();
                assertThat(cat.stderr()).as(c.getKey() + ": what cat wrote to stderr").isEmpty();
                assertThat(ssh.runAsRoot(RemoteCommand.of("id", "-u"), T).stdout()).as(c.getKey()).isEqualTo("0\n");
            }
            assertThat(Files.readAllBytes(target)).as(c.getKey() + ": the uploaded file, byte for byte").isEqualTo(CONTENT);
        }
    }

    @Test
    void aWrongSudoPasswordIsRefusedAtOnceAndWritesNothing() throws Exception {
        Path target = dir.resolve("wrong.conf");
        ConnectionSettings settings = ConnectionSettings.of(new SshTarget(lab.node2(), 22, lab.get("LAB_PASSWORD_USER")),
                List.of(new Authentication.Password(Secret.of(lab.get("LAB_PASSWORD")))), store, HostKeyPrompt.ACCEPT_NEW)
                .withSudo(new Sudo.WithPassword(Secret.of("not-the-password")));
        long start = System.nanoTime();
        try (SshConnection ssh = SshConnection.open(settings)) {
            SshFailure upload = catchThrowableOfType(SshFailure.class, () -> ssh.upload(target.toString(), CONTENT, 0640, "root:root", T));
            assertThat(upload.kind()).isEqualTo(SshFailure.Kind.SUDO_PASSWORD_WRONG);
            assertThat(upload.getMessage()).doesNotContain("not-the-password");
            SshFailure cat = catchThrowableOfType(SshFailure.class, () -> ssh.runAsRoot(RemoteCommand.of("cat"), T));
            assertThat(cat.kind()).isEqualTo(SshFailure.Kind.SUDO_PASSWORD_WRONG);
        }
        // sudo waits ~2 s after a wrong password; a client that answered again or never closed stdin would take far longer.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(target).doesNotExist();
    }

    /** The client's root has tcsh as login shell (lab/netns): every command must still run in sh. */
    @Test
    void aRootWhoseLoginShellIsTcshStillRunsPosixScripts() throws Exception {
        ConnectionSettings root = ConnectionSettings.of(new SshTarget(lab.get("LAB_CLIENT_ADDRESS"), 22, "root"),
                List.of(new Authentication.KeyFile(lab.key())), store, HostKeyPrompt.ACCEPT_NEW);
        String script = "set -e\nx='it'\\''s'\nprintf '%s\\n' \"$x\" 'back\\slash' \"$((6 * 7))\"\nfor i in 1 2; do echo \"n$i\"; done\n";
        try (SshConnection ssh = SshConnection.open(root)) {
            assertThat(ssh.run(RemoteCommand.of("getent", "passwd", "root"), T).stdout()).as("root's login shell on the client")
                    .matches("root:.*:/[a-z/]*/tcsh\n");
            assertThat(ssh.runAsRoot(RemoteCommand.script(script), T).stdout()).isEqualTo("it's\nback\\slash\n42\nn1\nn2\n");
            Path target = dir.resolve("tcsh-root.conf");
            ssh.upload(target.toString(), CONTENT, 0600, "root:root", T);
            assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
        }
    }

    @Test
    void aHostileValueNeverReachesTheRemoteShellUnquoted() throws Exception {
        Path marker = dir.resolve("pwned");
        String hostile = "a;touch " + marker + " $(touch " + marker + ") `touch " + marker + "` '\"\nx";
        try (SshConnection ssh = SshConnection.open(keyLogin(lab.node1(), HostKeyPrompt.ACCEPT_NEW))) {
            assertThat(ssh.runAsRoot(RemoteCommand.of("printf", "%s", hostile), T).stdout()).isEqualTo(hostile);
            assertThat(ssh.run(RemoteCommand.of("printf", "%s", hostile), T).stdout()).isEqualTo(hostile);
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void keysHeldByARealSshAgentLogIn() throws Exception {
        Path socket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(socket); i++) {
                Thread.sleep(20);
            }
            var add = LocalCommand.run(List.of("ssh-add", lab.key().toString()), Map.of("SSH_AUTH_SOCK", socket.toString()), dir, T);
            assertThat(add.exitCode()).as(add.stderr()).isZero();
            ConnectionSettings settings = ConnectionSettings.of(new SshTarget(lab.node2(), 22, lab.get("LAB_KEY_USER")),
                    List.of(new Authentication.Agent(socket)), store, HostKeyPrompt.ACCEPT_NEW);
            try (SshConnection ssh = SshConnection.open(settings)) {
                assertThat(ssh.run(RemoteCommand.of("hostname"), T).stdout()).isEqualTo("node2\n");
            }
        } finally {
            agent.destroy();
        }
        SshFailure noAgent = catchThrowableOfType(SshFailure.class, () -> SshConnection.open(ConnectionSettings.of(
                new SshTarget(lab.node2(), 22, lab.get("LAB_KEY_USER")), List.of(new Authentication.Agent(dir.resolve("no-agent.sock"))),
                store, HostKeyPrompt.ACCEPT_NEW)));
        assertThat(noAgent.kind()).isEqualTo(SshFailure.Kind.AUTHENTICATION_FAILED);
    }

    @Test
    void aRegeneratedHostKeyIsRefusedAsChanged() throws Exception {
        try (SshConnection ssh = SshConnection.open(keyLogin(lab.get("LAB_CLIENT_ADDRESS"), HostKeyPrompt.ACCEPT_NEW))) {
            assertThat(ssh.run(RemoteCommand.of("hostname"), T).stdout()).isEqualTo("client\n");
        }
        var rekey = LocalCommand.run(List.of("lab/netns", "rekey", "client"), Map.of(), Path.of("."), Duration.ofSeconds(60));
        assertThat(rekey.exitCode()).as(rekey.stderr()).isZero();
        SshFailure changed = catchThrowableOfType(SshFailure.class,
                () -> SshConnection.open(keyLogin(lab.get("LAB_CLIENT_ADDRESS"), HostKeyPrompt.ACCEPT_NEW)));
        assertThat(changed.kind()).isEqualTo(SshFailure.Kind.HOST_KEY_CHANGED);
        assertThat(Files.readString(store.store()).lines().count()).as("the old key stays; nothing is replaced silently").isEqualTo(1);
    }

    @Test
    void anAddressWithNobodyThereIsUnreachableOrATimeout() {
        SshFailure failure = catchThrowableOfType(SshFailure.class, () -> SshConnection.open(
                keyLogin("10.203.0.99", HostKeyPrompt.REFUSE).withConnectTimeout(Duration.ofSeconds(4))));
        assertThat(failure.kind()).isIn(SshFailure.Kind.UNREACHABLE, SshFailure.Kind.TIMEOUT);
    }
}
