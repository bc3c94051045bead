package io.tandem.ssh;

import io.tandem.model.Secret;
import io.tandem.testing.RealTools;
import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The SSH layer against an in-process MINA server: every failure kind, exec, streaming, upload, reconnect. */
class SshConnectionTest {

    private static final Duration T = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private TestSshServer server;
    private HostKeyStore store;

    @BeforeEach
    void start() throws Exception {
        server = new TestSshServer(dir.resolve("hostkey"));
        store = new HostKeyStore(List.of(dir.resolve("user_known_hosts")), dir.resolve("tandem/known_hosts"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private ConnectionSettings password(HostKeyPrompt prompt) {
        return ConnectionSettings.of(new SshTarget("127.0.0.1", server.port(), "root"),
                List.of(new Authentication.Password(Secret.of(TestSshServer.PASSWORD))), store, prompt);
    }

    @Test
    void execKeepsExitStatusStdoutAndStderrApartAndReusesTheConnection() throws Exception {
        try (SshConnection ssh = SshConnection.open(password(HostKeyPrompt.ACCEPT_NEW))) {
            ExecResult result = ssh.run(RemoteCommand.script("echo out; echo err >&2; exit 3"), T);
            assertThat(result.exitStatus()).isEqualTo(3);
            assertThat(result.stdout()).isEqualTo("out\n");
            assertThat(result.stderr()).isEqualTo("err\n");
            assertThat(ssh.run(RemoteCommand.of("echo", "again"), T).stdout()).isEqualTo("again\n");
            assertThat(ssh.roundTrips()).isEqualTo(3);
            assertThat(server.sessions.get()).isEqualTo(1);
        }
    }

    @Test
    void hostileWordsStayLiteral() throws Exception {
        try (SshConnection ssh = SshConnection.open(password(HostKeyPrompt.ACCEPT_NEW))) {
            Path marker = dir.resolve("pwned");
            String hostile = "$(touch " + marker + ");`touch " + marker + "`'\"\n|x";
            ExecResult result = ssh.run(RemoteCommand.of("printf", "%s", hostile), T);
            assertThat(result.stdout()).isEqualTo(hostile);
            assertThat(marker).doesNotExist();
        }
    }

    @Test
    void anUnknownHostKeyIsShownWithItsSha256FingerprintAndRememberedWhenAccepted() throws Exception {
        AtomicReference<HostKeyPrompt.UnknownKey> asked = new AtomicReference<>();
        try (SshConnection ssh = SshConnection.open(password(key -> {
            asked.set(key);
            return true;
        }))) {
            assertThat(ssh.run(RemoteCommand.of("true"), T).ok()).isTrue();
        }
        assertThat(asked.get().fingerprint()).isEqualTo(server.hostKeyFingerprint()).startsWith("SHA256:");
        assertThat(asked.get().keyType()).startsWith("ecdsa-sha2-");
        assertThat(asked.get().port()).isEqualTo(server.port());
        assertThat(Files.readString(store.store())).startsWith("[127.0.0.1]:" + server.port() + " ecdsa-sha2-");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.store()))).isEqualTo("rw-------");

        AtomicInteger askedAgain = new AtomicInteger();
        try (SshConnection ssh = SshConnection.open(password(key -> askedAgain.incrementAndGet() > 0))) {
            assertThat(ssh.isConnected()).isTrue();
        }
        assertThat(askedAgain.get()).as("a remembered key is not asked about again").isZero();
    }

    @Test
    void aRefusedHostKeyStopsTheLoginAndIsNotRemembered() {
        SshFailure failure = catchThrowableOfType(SshFailure.class, () -> SshConnection.open(password(HostKeyPrompt.REFUSE)));
        assertThat(failure.kind()).isEqualTo(SshFailure.Kind.HOST_KEY_UNKNOWN_REFUSED);
        assertThat(failure.getMessage()).contains("SHA256:");
        assertThat(store.store()).doesNotExist();
        assertThat(server.commands).isEmpty();
    }

    @Test
    void aChangedHostKeyIsRefusedWithAWarningAndTheFix() throws Exception {
        // The user's known_hosts holds another key of the same type for this host.
        var other = LocalCommand.run(List.of("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", dir.resolve("other").toString()),
                Map.of(), dir, T);
        assertThat(other.exitCode()).isZero();
        String[] pub = Files.readString(dir.resolve("other.pub")).split(" ");
        Files.writeString(dir.resolve("user_known_hosts"), "[127.0.0.1]:" + server.port() + " " + pub[0] + " " + pub[1] + "\n");
        AtomicInteger prompts = new AtomicInteger();
        SshFailure failure = catchThrowableOfType(SshFailure.class,
                () -> SshConnection.open(password(key -> prompts.incrementAndGet() > 0)));
        assertThat(failure.kind()).isEqualTo(SshFailure.Kind.HOST_KEY_CHANGED);
        assertThat(failure.getMessage()).contains("CHANGED", "attack", "ssh-keygen -R [127.0.0.1]:" + server.port(), "reinstalled");
        assertThat(prompts.get()).as("a changed key is never offered for acceptance").isZero();
        assertThat(server.commands).isEmpty();
    }

    /** Stops the server and starts it again on the same port with these host keys (ssh-keygen's, kept in {@code dir}). */
    private void restartWithHostKeys(String... types) throws Exception {
        int port = server.port();
        server.close();
        server = new TestSshServer(dir.resolve("hostkey"), port, TestSshServer.hostKeys(dir, types));
    }

    private String fingerprintOf(String type) throws Exception {
        return LocalCommand.run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", dir.resolve("ssh_host_" + type + "_key.pub").toString()),
                Map.of(), dir, T).stdout().split(" ")[1];
    }

    @Test
    void aKnownHostPresentingAKeyOfAnotherTypeIsRefusedAsChanged() throws Exception {
        restartWithHostKeys("ed25519");
        try (SshConnection ssh = SshConnection.open(password(HostKeyPrompt.ACCEPT_NEW))) {
            assertThat(ssh.isConnected()).isTrue();
        }
        assertThat(Files.readString(store.store())).contains(" ssh-ed25519 ");
        // Reinstalled, or someone else answering on its address: only an ECDSA key now.
        restartWithHostKeys("ecdsa");
        AtomicInteger prompts = new AtomicInteger();
        SshFailure failure = catchThrowableOfType(SshFailure.class, () -> SshConnection.open(password(key -> prompts.incrementAndGet() > 0)));
        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(SshFailure.Kind.HOST_KEY_CHANGED);
        assertThat(failure.getMessage()).contains("CHANGED", "ecdsa-sha2-nistp256", fingerprintOf("ecdsa"),
                "ssh-keygen -R [127.0.0.1]:" + server.port());
        assertThat(prompts.get()).as("a known host's new key type is never offered for acceptance").isZero();
        assertThat(server.commands).isEmpty();
        assertThat(Files.readString(store.store()).lines()).as("nothing added or replaced").hasSize(1);
    }

    @Test
    void theKeyTypeOnFileIsNegotiatedWhenTheServerOffersSeveral() throws Exception {
        restartWithHostKeys("ed25519", "ecdsa");
        AtomicReference<HostKeyPrompt.UnknownKey> fresh = new AtomicReference<>();
        HostKeyStore other = new HostKeyStore(List.of(), dir.resolve("other/known_hosts"));
        try (SshConnection ssh = SshConnection.open(ConnectionSettings.of(new SshTarget("127.0.0.1", server.port(), "root"),
                List.of(new Authentication.Password(Secret.of(TestSshServer.PASSWORD))), other, key -> {
                    fresh.set(key);
                    return true;
                }))) {
            assertThat(ssh.isConnected()).isTrue();
        }
        assertThat(fresh.get().keyType()).as("with nothing on file, JSch's own preference").isEqualTo("ssh-ed25519");

        Files.createDirectories(store.store().getParent());
        Files.writeString(store.store(), "[127.0.0.1]:" + server.port() + " " + TestSshServer.publicKey(dir, "ecdsa") + "\n");
        AtomicInteger prompts = new AtomicInteger();
        try (SshConnection ssh = SshConnection.open(password(key -> prompts.incrementAndGet() > 0))) {
            assertThat(ssh.hostKeyFingerprint()).as("the ECDSA key on file was asked for first").isEqualTo(fingerprintOf("ecdsa"));
        }
        assertThat(prompts.get()).isZero();
    }

    @Test
    void aRevokedKeyIsRefusedWithItsOwnMessageAndNeverOfferedForTrust() throws Exception {
        Files.writeString(dir.resolve("user_known_hosts"), "@revoked * " + server.publicKey() + "\n");
        // Trusted in Tandem's own store too: revocation still wins, as in OpenSSH.
        Files.createDirectories(store.store().getParent());
        Files.writeString(store.store(), "[127.0.0.1]:" + server.port() + " " + server.publicKey() + "\n");
        AtomicInteger prompts = new AtomicInteger();
        SshFailure failure = catchThrowableOfType(SshFailure.class, () -> SshConnection.open(password(key -> prompts.incrementAndGet() > 0)));
        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(SshFailure.Kind.HOST_KEY_REVOKED);
        assertThat(failure.getMessage()).contains("REVOKED", server.hostKeyFingerprint(), dir.resolve("user_known_hosts").toString());
        assertThat(prompts.get()).isZero();
        assertThat(server.commands).isEmpty();

        Files.delete(store.store());
        SshFailure unknownElsewhere = catchThrowableOfType(SshFailure.class,
                () -> SshConnection.open(password(key -> prompts.incrementAndGet() > 0)));
        assertThat(unknownElsewhere.kind()).as("a revoked key is not a new key").isEqualTo(SshFailure.Kind.HOST_KEY_REVOKED);
        assertThat(prompts.get()).isZero();
        assertThat(store.store()).doesNotExist();
    }

    @Test
    void anUnreadableKnownHostsFileIsAPlainFailure() throws Exception {
        Files.createDirectories(dir.resolve("user_known_hosts"));
        SshFailure failure = catchThrowableOfType(SshFailure.class, () -> SshConnection.open(password(HostKeyPrompt.ACCEPT_NEW)));
        assertThat(failure.kind()).isEqualTo(SshFailure.Kind.KNOWN_HOSTS_UNUSABLE);
        assertThat(failure.getMessage()).contains("known-hosts");
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailureNamingTheMethodsTried() {
        ConnectionSettings wrong = ConnectionSettings.of(new SshTarget("127.0.0.1", server.port(), "root"),
                List.of(new Authentication.Password(Secret.of("wrong-password"))), store, HostKeyPrompt.ACCEPT_NEW);
        SshFailure failure = catchThrowableOfType(SshFailure.class, () -> SshConnection.open(wrong));
        assertThat(failure.kind()).isEqualTo(SshFailure.Kind.AUTHENTICATION_FAILED);
        assertThat(failure.getMessage()).contains("tried: password").doesNotContain("wrong-password");
    }

    @Test
    void keyFilesInOpenSshAndPemFormatsAndPassphrases() throws Exception {
        for (String[] kind : new String[][] {{"ecdsa", "-m", "RFC4716"}, {"rsa", "-m", "PEM"}}) {
            Path key = dir.resolve("id_" + kind[0]);
            var gen = LocalCommand.run(List.of("ssh-keygen", "-q", "-t", kind[0], kind[1], kind[2], "-N", "", "-f", key.toString()),
                    Map.of(), dir, T);
            assertThat(gen.exitCode()).isZero();
            server.allowKey(Path.of(key + ".pub"));
            ConnectionSettings settings = ConnectionSettings.of(new SshTarget("127.0.0.1", server.port(), "root"),
                    List.of(new Authentication.KeyFile(key)), store, HostKeyPrompt.ACCEPT_NEW);
            try (SshConnection ssh = SshConnection.open(settings)) {
                assertThat(ssh.run(RemoteCommand.of("echo", kind[0]), T).stdout()).isEqualTo(kind[0] + "\n");
            }
        }

        Path locked = dir.resolve("id_locked");
        assertThat(LocalCommand.run(List.of("ssh-keygen", "-q", "-t", "ecdsa", "-N", "open sesame", "-f", locked.toString()),
                Map.of(), dir, T).exitCode()).isZero();
        server.allowKey(Path.of(locked + ".pub"));
        List<Integer> attempts = new ArrayList<>();
        PassphrasePrompt wrongThenRight = (file, attempt) -> {
            attempts.add(attempt);
            return Optional.of(Secret.of(attempt == 1 ? "wrong" : "open sesame"));
        };
        ConnectionSettings settings = ConnectionSettings.of(new SshTarget("127.0.0.1", server.port(), "root"),
                List.of(new Authentication.KeyFile(locked)), store, HostKeyPrompt.ACCEPT_NEW).withPassphrasePrompt(wrongThenRight);
        try (SshConnection ssh = SshConnection.open(settings)) {
            assertThat(ssh.isConnected()).isTrue();
        }
        assertThat(attempts).containsExactly(1, 2);

        SshFailure cancelled = catchThrowableOfType(SshFailure.class, () -> SshConnection.open(settings.withPassphrasePrompt(PassphrasePrompt.NONE)));
        assertThat(cancelled.kind()).isEqualTo(SshFailure.Kind.KEY_FILE_UNUSABLE);
        assertThat(cancelled.getMessage()).contains("passphrase");

        SshFailure missing = catchThrowableOfType(SshFailure.class, () -> SshConnection.open(ConnectionSettings.of(
                new SshTarget("127.0.0.1", server.port(), "root"), List.of(new Authentication.KeyFile(dir.resolve("nope"))), store,
                HostKeyPrompt.ACCEPT_NEW)));
        assertThat(missing.kind()).isEqualTo(SshFailure.Kind.KEY_FILE_UNUSABLE);
        assertThat(missing.getMessage()).contains("nope", "does not exist", "Choose the private key").doesNotContain("Exception");

        SshFailure folder = catchThrowableOfType(SshFailure.class, () -> SshConnection.open(ConnectionSettings.of(
                new SshTarget("127.0.0.1", server.port(), "root"), List.of(new Authentication.KeyFile(dir)), store, HostKeyPrompt.ACCEPT_NEW)));
        assertThat(folder.kind()).isEqualTo(SshFailure.Kind.KEY_FILE_UNUSABLE);
        assertThat(folder.getMessage()).contains("cannot be read", "private key file itself").doesNotContain("Exception");
    }

    @Test
    void aKeyTheServerRejectsFallsBackToThePassword() throws Exception {
        Path key = dir.resolve("id_unknown");
        LocalCommand.run(List.of("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", key.toString()), Map.of(), dir, T);
        ConnectionSettings settings = ConnectionSettings.of(new SshTarget("127.0.0.1", server.port(), "root"),
                List.of(new Authentication.KeyFile(key), new Authentication.Password(Secret.of(TestSshServer.PASSWORD))), store,
                HostKeyPrompt.ACCEPT_NEW);
        try (SshConnection ssh = SshConnection.open(settings)) {
            assertThat(ssh.isConnected()).isTrue();
        }
    }

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SshFailure failure = catchThrowableOfType(SshFailure.class, () -> SshConnection.open(ConnectionSettings.of(
                new SshTarget("127.0.0.1", port, "root"), List.of(new Authentication.Password(Secret.of("x"))), store, HostKeyPrompt.REFUSE)));
        assertThat(failure.kind()).isEqualTo(SshFailure.Kind.CONNECTION_REFUSED);
        assertThat(failure.getMessage()).contains("port " + port);
    }

    @Test
    void aServerThatNeverAnswersIsATimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            SshFailure failure = catchThrowableOfType(SshFailure.class, () -> SshConnection.open(ConnectionSettings.of(
                    new SshTarget("127.0.0.1", silent.getLocalPort(), "root"), List.of(new Authentication.Password(Secret.of("x"))), store,
                    HostKeyPrompt.REFUSE).withConnectTimeout(Duration.ofSeconds(1))));
            assertThat(failure.kind()).isEqualTo(SshFailure.Kind.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aCommandThatRunsTooLongTimesOutAndTheConnectionStaysUsable() throws Exception {
        try (SshConnection ssh = SshConnection.open(password(HostKeyPrompt.ACCEPT_NEW))) {
            SshFailure failure = catchThrowableOfType(SshFailure.class, () -> ssh.run(RemoteCommand.of("sleep", "30"), Duration.ofSeconds(1)));
            assertThat(failure.kind()).isEqualTo(SshFailure.Kind.TIMEOUT);
            assertThat(failure.getMessage()).contains("sleep 30");
            assertThat(ssh.run(RemoteCommand.of("echo", "still here"), T).stdout()).isEqualTo("still here\n");
        }
    }

    @Test
    void aConnectionDroppedMidCommandIsReportedAndTheNextCommandReconnects() throws Exception {
        try (SshConnection ssh = SshConnection.open(password(HostKeyPrompt.ACCEPT_NEW))) {
            SshFailure failure = catchThrowableOfType(SshFailure.class, () -> ssh.run(RemoteCommand.script("tandem-test-drop"), T));
            assertThat(failure.kind()).isEqualTo(SshFailure.Kind.CONNECTION_LOST);
            assertThat(failure.getMessage()).contains("tandem-test-drop");
            assertThat(ssh.run(RemoteCommand.of("echo", "back"), T).stdout()).isEqualTo("back\n");
            assertThat(server.sessions.get()).isEqualTo(2);
        }
    }

    @Test
    void streamingHandsOverLinesAsTheyCome() throws Exception {
        try (SshConnection ssh = SshConnection.open(password(HostKeyPrompt.ACCEPT_NEW))) {
            List<String> lines = new ArrayList<>();
            ExecResult result = ssh.streamAsRoot(RemoteCommand.script("for i in 1 2 3; do echo line$i; sleep 0.05; done"), T, lines::add);
            assertThat(lines).containsExactly("line1", "line2", "line3");
            assertThat(result.stdout()).isEqualTo("line1\nline2\nline3\n");
        }
    }

    @Test
    void aLineArrivesWhileTheCommandIsStillRunning() throws Exception {
        Path gate = dir.resolve("gate");
        // Prints a line, then waits (at most 10 s) until the test has seen that line and opens the gate.
        RemoteCommand waiting = RemoteCommand.script("echo first; i=0; while [ ! -e " + gate + " ] && [ $i -lt 500 ]; do sleep 0.02; "
                + "i=$((i+1)); done; echo second");
        try (SshConnection ssh = SshConnection.open(password(HostKeyPrompt.ACCEPT_NEW))) {
            List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.concurrent.CountDownLatch firstLine = new java.util.concurrent.CountDownLatch(1);
            var running = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return ssh.streamAsRoot(waiting, T, line -> {
                        lines.add(line);
                        firstLine.countDown();
                    });
                } catch (SshFailure e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            assertThat(firstLine.await(8, java.util.concurrent.TimeUnit.SECONDS)).as("the first line arrived before the command ended").isTrue();
            assertThat(running).as("the command still waits for the gate").isNotDone();
            assertThat(lines).containsExactly("first");
            Files.createFile(gate);
            ExecResult result = running.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(lines).containsExactly("first", "second");
            assertThat(result.stdout()).isEqualTo("first\nsecond\n");
        }
    }

    @Test
    void uploadsAreAtomicWithModeAndOwner() throws Exception {
        Path target = dir.resolve("etc/tandem.conf");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old\n");
        try (SshConnection ssh = SshConnection.open(password(HostKeyPrompt.ACCEPT_NEW))) {
            ssh.upload(target.toString(), "new content\nwith 'quotes' and $(no expansion)\n".getBytes(StandardCharsets.UTF_8), 0640, "root:root", T);
        }
        assertThat(Files.readString(target)).isEqualTo("new content\nwith 'quotes' and $(no expansion)\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).as("no temporary file left").containsExactly(target);
        }
    }

    private ConnectionSettings admin(Sudo sudo) {
        return ConnectionSettings.of(new SshTarget("127.0.0.1", server.port(), "admin"),
                List.of(new Authentication.Password(Secret.of(TestSshServer.PASSWORD))), store, HostKeyPrompt.ACCEPT_NEW).withSudo(sudo);
    }

    private static final byte[] CONTENT = "first line\nsecond 'quoted' $(not run)\nno newline at the end".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSudoPasswordTravelsOnStdinNeverOnTheCommandLine() throws Exception {
        server.sudoAsksFor("sudo-pass-4-test");
        try (SshConnection ssh = SshConnection.open(admin(new Sudo.WithPassword(Secret.of("sudo-pass-4-test"))))) {
            ExecResult result = ssh.runAsRoot(RemoteCommand.of("echo", "as root"), T);
            assertThat(result.stdout()).isEqualTo("as root\n");
        }
        assertThat(server.commands).isNotEmpty().allSatisfy(c -> assertThat(c).doesNotContain("sudo-pass-4-test"));
        assertThat(server.scripts).isNotEmpty().allSatisfy(c -> assertThat(c).doesNotContain("sudo-pass-4-test"));
        assertThat(server.sudoAnswers()).containsExactly("sudo-pass-4-test");
    }

    @Test
    void whenSudoDoesNotAskThePasswordReachesNeitherTheFileNorTheCommand() throws Exception {
        // NOPASSWD, a root login or cached credentials: sudo runs the command without reading stdin.
        Path target = dir.resolve("etc/no-ask.conf");
        Files.createDirectories(target.getParent());
        try (SshConnection ssh = SshConnection.open(admin(new Sudo.WithPassword(Secret.of("sudo-pass-4-test"))))) {
            ssh.upload(target.toString(), CONTENT, 0600, "root:root", T);
            assertThat(ssh.runAsRoot(RemoteCommand.of("cat"), T).stdout()).as("what a command reading stdin got").isEmpty();
        }
        assertThat(Files.readAllBytes(target)).as("the uploaded file, byte for byte").isEqualTo(CONTENT);
        assertThat(server.sudoAnswers()).isEmpty();
        assertThat(server.commands).allSatisfy(c -> assertThat(c).doesNotContain("sudo-pass-4-test"));
        assertThat(server.scripts).allSatisfy(c -> assertThat(c).doesNotContain("sudo-pass-4-test"));
    }

    @Test
    void whenSudoAsksItGetsThePasswordOnceAndTheCommandOnlyItsOwnInput() throws Exception {
        server.sudoAsksFor("sudo-pass-4-test");
        Path target = dir.resolve("etc/asked.conf");
        Files.createDirectories(target.getParent());
        try (SshConnection ssh = SshConnection.open(admin(new Sudo.WithPassword(Secret.of("sudo-pass-4-test"))))) {
            ssh.upload(target.toString(), CONTENT, 0600, "root:root", T);
            ExecResult cat = ssh.runAsRoot(RemoteCommand.of("cat"), T);
            assertThat(cat.stdout()).isEmpty();
            assertThat(cat.stderr()).as("sudo's prompt is Tandem's business, not the command's").isEmpty();
            ExecResult err = ssh.runAsRoot(RemoteCommand.script("echo to stderr >&2; exit 5"), T);
            assertThat(err.exitStatus()).isEqualTo(5);
            assertThat(err.stderr()).isEqualTo("to stderr\n");
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
        assertThat(server.sudoAnswers()).as("one answer per prompt, nothing else").containsExactly("sudo-pass-4-test", "sudo-pass-4-test",
                "sudo-pass-4-test");
    }

    @Test
    void aWrongSudoPasswordIsAnsweredOnceThenRefusedQuicklyAndNothingIsWritten() throws Exception {
        server.sudoAsksFor("sudo-pass-4-test");
        Path target = dir.resolve("etc/wrong.conf");
        Files.createDirectories(target.getParent());
        long start = System.nanoTime();
        try (SshConnection ssh = SshConnection.open(admin(new Sudo.WithPassword(Secret.of("not-the-sudo-pass"))))) {
            SshFailure upload = catchThrowableOfType(SshFailure.class, () -> ssh.upload(target.toString(), CONTENT, 0600, "root:root", T));
            assertThat(upload.kind()).isEqualTo(SshFailure.Kind.SUDO_PASSWORD_WRONG);
            assertThat(upload.getMessage()).doesNotContain("not-the-sudo-pass");
            SshFailure cat = catchThrowableOfType(SshFailure.class, () -> ssh.runAsRoot(RemoteCommand.of("cat"), T));
            assertThat(cat.kind()).isEqualTo(SshFailure.Kind.SUDO_PASSWORD_WRONG);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(target).doesNotExist();
        assertThat(server.sudoAnswers()).as("the file's lines never become password attempts")
                .containsExactly("not-the-sudo-pass", "not-the-sudo-pass");
    }

    @Test
    void withoutASudoPasswordAUserWhoNeedsOneGetsTheTypedFailure() throws Exception {
        server.sudoAsksFor("sudo-pass-4-test");
        try (SshConnection ssh = SshConnection.open(admin(new Sudo.Passwordless()))) {
            SshFailure failure = catchThrowableOfType(SshFailure.class, () -> ssh.runAsRoot(RemoteCommand.of("true"), T));
            assertThat(failure.kind()).isEqualTo(SshFailure.Kind.SUDO_PASSWORD_REQUIRED);
        }
    }

    @Test
    void aCommandWhoseOwnErrorMentionsPasswordsIsNotTakenForSudosRefusal() throws Exception {
        try (SshConnection ssh = SshConnection.open(admin(new Sudo.Passwordless()))) {
            ExecResult result = ssh.runAsRoot(RemoteCommand.script("echo 'chpasswd: 1 incorrect password attempt' >&2; exit 1"), T);
            assertThat(result.exitStatus()).isEqualTo(1);
            assertThat(result.stderr()).contains("incorrect password");
        }
    }

    @Test
    void everyCommandRunsInShWhateverTheLoginShellOfTheUser() throws Exception {
        // sshd hands the command line to the user's login shell; csh cannot take a newline inside
        // quotes, fish reads backslashes in single quotes its own way.
        RealTools.require("tcsh", "fish");
        String script = "set -e\nx='it'\\''s'\nprintf '%s\\n' \"$x\" 'back\\slash' \"$((6 * 7))\"\n"
                + "for i in 1 2; do echo \"n$i\"; done\necho 'bang!' \"$0\" >/dev/null\n[ \"${SHELL_CHECK-unset}\" = unset ] && echo posix\n";
        String expected = "it's\nback\\slash\n42\nn1\nn2\nposix\n";
        for (String shell : List.of("tcsh", "fish")) {
            server.loginShell(shell);
            try (SshConnection root = SshConnection.open(password(HostKeyPrompt.ACCEPT_NEW));
                 SshConnection admin = SshConnection.open(admin(new Sudo.Passwordless()))) {
                assertThat(root.run(RemoteCommand.script(script), T).stdout()).as(shell + ", as the login user").isEqualTo(expected);
                assertThat(root.runAsRoot(RemoteCommand.script(script), T).stdout()).as(shell + ", logged in as root").isEqualTo(expected);
                assertThat(admin.runAsRoot(RemoteCommand.script(script), T).stdout()).as(shell + ", through sudo").isEqualTo(expected);
                assertThat(admin.runAsUserThenRoot(RemoteCommand.script("echo user"), RemoteCommand.script(script), T).stdout())
                        .isEqualTo("user\n" + expected);
                Path target = dir.resolve(shell + ".conf");
                root.upload(target.toString(), CONTENT, 0644, "root:root", T);
                assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
            }
        }
        assertThat(server.commands).as("what the login shell is handed: one word it cannot misread")
                .allSatisfy(c -> assertThat(c).matches("sh -c 'eval \"\\$\\(echo [A-Za-z0-9+/=]+ \\| base64 -d\\)\"'"));
        assertThat(server.scripts).contains(script);
    }

    @Test
    void failedCommandsNameTheCommandAndMaskSecrets() throws Exception {
        Secret secret = Secret.of("Qm7wN3xV8cJ2hT5d");
        try (SshConnection ssh = SshConnection.open(password(HostKeyPrompt.ACCEPT_NEW))) {
            RemoteCommand command = RemoteCommand.of("sh", "-c", "echo bad secret Qm7wN3xV8cJ2hT5d >&2; exit 4", secret.reveal())
                    .withSecrets(List.of(secret));
            ExecResult result = ssh.run(command, T);
            SshFailure failure = ssh.commandFailed(command, result);
            assertThat(failure.kind()).isEqualTo(SshFailure.Kind.COMMAND_FAILED);
            assertThat(failure.getMessage()).contains("exit 4", "bad secret ******").doesNotContain(secret.reveal());
        }
    }
}
