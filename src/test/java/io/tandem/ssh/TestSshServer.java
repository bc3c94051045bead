package io.tandem.ssh;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process Apache MINA SSH server on loopback whose commands run in a real local shell, as
 * sshd runs them: {@code LOGIN_SHELL -c COMMAND} ({@code sh} unless {@link #loginShell} says
 * otherwise). A stand-in {@code sudo} (src/test/resources/ssh/fake-sudo) comes first on the PATH:
 * it needs no password unless {@link #sudoAsksFor} set one, and records every line it read as a
 * password ({@link #sudoAnswers}). {@code tandem-test-drop} writes a line then drops the connection.
 */
final class TestSshServer implements AutoCloseable {

    static final String PASSWORD = "right-horse-battery";

    final SshServer server;
    /** Command lines as they arrived. */
    final List<String> commands = new CopyOnWriteArrayList<>();
    /** The scripts those lines carry (Tandem sends each base64-encoded, see PosixCommandLine). */
    final List<String> scripts = new CopyOnWriteArrayList<>();
    final AtomicInteger sessions = new AtomicInteger();
    volatile PublicKey allowedKey;
    private final Path fakeBin;
    private final Path sudoAnswersFile;
    private volatile String sudoPassword = "";
    private volatile String loginShell = "sh";

    TestSshServer(Path hostKeyFile) throws IOException {
        this(hostKeyFile, 0, generatedEcdsaKey(hostKeyFile));
    }

    /**
     * A server on {@code port} (0: any free one) with these host keys: a restart on the same port
     * with other keys is the same host as a client sees it, reinstalled or taken over.
     */
    TestSshServer(Path hostKeyFile, int port, KeyPairProvider keys) throws IOException {
        fakeBin = Files.createDirectories(hostKeyFile.resolveSibling("fake-bin"));
        try (InputStream sudo = TestSshServer.class.getResourceAsStream("/ssh/fake-sudo")) {
            Files.write(fakeBin.resolve("sudo"), sudo.readAllBytes());
        }
        Files.setPosixFilePermissions(fakeBin.resolve("sudo"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        sudoAnswersFile = hostKeyFile.resolveSibling("sudo-answers");
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(keys);
        server.setPasswordAuthenticator((user, password, session) -> PASSWORD.equals(password));
        server.setPublickeyAuthenticator((user, key, session) -> allowedKey != null && KeyUtils.compareKeys(allowedKey, key));
        server.setCommandFactory((channel, command) -> {
            commands.add(command);
            String script = script(command);
            scripts.add(script);
            return script.startsWith("tandem-test-drop") ? new DroppingCommand() : new LocalShellCommand(command, this);
        });
        server.addSessionListener(new org.apache.sshd.common.session.SessionListener() {
            @Override
            public void sessionCreated(org.apache.sshd.common.session.Session session) {
                sessions.incrementAndGet();
            }
        });
        server.start();
    }

    private static KeyPairProvider generatedEcdsaKey(Path file) {
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(file);
        keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        keys.setKeySize(256);
        return keys;
    }

    /**
     * Host keys made by the real {@code ssh-keygen}, one per type ({@code ed25519}, {@code ecdsa},
     * {@code rsa}), kept in {@code dir} so that a restart presents the same keys; offered in this order.
     */
    static KeyPairProvider hostKeys(Path dir, String... types) throws IOException, InterruptedException {
        List<Path> files = new java.util.ArrayList<>();
        for (String type : types) {
            Path key = dir.resolve("ssh_host_" + type + "_key");
            if (!Files.exists(key)) {
                Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", "", "-f", key.toString())
                        .redirectErrorStream(true).start();
                if (keygen.waitFor() != 0) {
                    throw new IOException("ssh-keygen -t " + type + " failed: " + new String(keygen.getInputStream().readAllBytes()));
                }
            }
            files.add(key);
        }
        return new org.apache.sshd.common.keyprovider.FileKeyPairProvider(files);
    }

    /** The public key of {@code ssh-keygen}'s host key of this type, as a known_hosts line's key fields ("TYPE BASE64"). */
    static String publicKey(Path dir, String type) throws IOException {
        String[] fields = Files.readString(dir.resolve("ssh_host_" + type + "_key.pub")).split(" ");
        return fields[0] + " " + fields[1];
    }

    /** The first host key this server offers, as a known_hosts line's key fields ("TYPE BASE64"). */
    String publicKey() throws Exception {
        KeyPair pair = server.getKeyPairProvider().loadKeys(null).iterator().next();
        return org.apache.sshd.common.config.keys.PublicKeyEntry.toString(pair.getPublic());
    }

    private static final java.util.regex.Pattern ENCODED = java.util.regex.Pattern.compile("sh -c 'eval \"\\$\\(echo ([A-Za-z0-9+/=]*) \\| base64 -d\\)\"'");

    private static String script(String commandLine) {
        java.util.regex.Matcher m = ENCODED.matcher(commandLine);
        return m.matches() ? new String(java.util.Base64.getDecoder().decode(m.group(1)), java.nio.charset.StandardCharsets.UTF_8) : commandLine;
    }

    int port() {
        return server.getPort();
    }

    String hostKeyFingerprint() throws Exception {
        KeyPair pair = server.getKeyPairProvider().loadKeys(null).iterator().next();
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, pair.getPublic());
    }

    /** From now on sudo asks for this password (as for a user without NOPASSWD and no cached credentials). */
    void sudoAsksFor(String password) {
        sudoPassword = password;
    }

    /** Every line the stand-in sudo read from stdin as a password, in order. */
    List<String> sudoAnswers() throws IOException {
        return Files.exists(sudoAnswersFile) ? Files.readAllLines(sudoAnswersFile) : List.of();
    }

    /** The shell sshd would start for the login user ({@code tcsh}, {@code fish}, …): it parses the command line first. */
    void loginShell(String shell) {
        loginShell = shell;
    }

    void allowKey(Path publicKeyFile) throws Exception {
        allowedKey = AuthorizedKeyEntry.parseAuthorizedKeyEntry(Files.readString(publicKeyFile).strip())
                .resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** Runs the command in {@code LOGIN_SHELL -c}, piping the channel's streams. */
    private static final class LocalShellCommand implements Command {
        private final String command;
        private final TestSshServer server;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        LocalShellCommand(String command, TestSshServer server) {
            this.command = command;
            this.server = server;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(server.loginShell, "-c", command);
            builder.environment().put("PATH", server.fakeBin + ":" + System.getenv("PATH"));
            builder.environment().put("FAKE_SUDO_PASSWORD", server.sudoPassword);
            builder.environment().put("FAKE_SUDO_ANSWERS", server.sudoAnswersFile.toString());
            Process process = builder.start();
            Thread.ofVirtual().start(() -> pump(in, process.getOutputStream(), true));
            Thread outPump = Thread.ofVirtual().start(() -> pump(process.getInputStream(), out, false));
            Thread errPump = Thread.ofVirtual().start(() -> pump(process.getErrorStream(), err, false));
            Thread.ofVirtual().start(() -> {
                try {
                    int code = process.waitFor();
                    outPump.join();
                    errPump.join();
                    exit.onExit(code);
                } catch (Exception e) {
                    exit.onExit(255);
                }
            });
        }

        /**
         * Passes on each chunk as soon as it is read, as sshd does: MINA's channel stream would otherwise hold it until the
         * end, and a sudo prompt without a newline must arrive while the command waits.
         */
        private static void pump(InputStream from, OutputStream to, boolean closeTarget) {
            try (from) {
                byte[] buffer = new byte[8192];
                for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException ignored) {
                // the other side went away
            } finally {
                if (closeTarget) {
                    try {
                        to.close();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            }
        }

        @Override
        public void destroy(ChannelSession channel) {
        }
    }

    /** Writes one line, then closes the whole SSH session as a crashing server would. */
    private static final class DroppingCommand implements Command {
        private OutputStream out;

        @Override
        public void setInputStream(InputStream in) {
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            out.write("partial\n".getBytes());
            out.flush();
            channel.getSession().close(true);
        }

        @Override
        public void destroy(ChannelSession channel) {
        }
    }
}
