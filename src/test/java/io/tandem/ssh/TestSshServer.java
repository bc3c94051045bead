package io.tandem.ssh;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.digest.BuiltinDigests;
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
 * An in-process Apache MINA SSH server on loopback whose commands run in a real local {@code sh}.
 * Special commands: {@code tandem-test-drop} writes a line then drops the connection;
 * {@code tandem-test-fake-sudo …} records its stdin to show where a sudo password travels.
 */
final class TestSshServer implements AutoCloseable {

    static final String PASSWORD = "right-horse-battery";

    final SshServer server;
    final List<String> commands = new CopyOnWriteArrayList<>();
    final List<byte[]> stdinSeen = new CopyOnWriteArrayList<>();
    final AtomicInteger sessions = new AtomicInteger();
    volatile PublicKey allowedKey;

    TestSshServer(Path hostKeyFile) throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        keys.setKeySize(256);
        server.setKeyPairProvider(keys);
        server.setPasswordAuthenticator((user, password, session) -> PASSWORD.equals(password));
        server.setPublickeyAuthenticator((user, key, session) -> allowedKey != null && KeyUtils.compareKeys(allowedKey, key));
        server.setCommandFactory((channel, command) -> {
            commands.add(command);
            return command.startsWith("tandem-test-drop") ? new DroppingCommand() : new LocalShellCommand(command, stdinSeen);
        });
        server.addSessionListener(new org.apache.sshd.common.session.SessionListener() {
            @Override
            public void sessionCreated(org.apache.sshd.common.session.Session session) {
                sessions.incrementAndGet();
            }
        });
        server.start();
    }

    int port() {
        return server.getPort();
    }

    String hostKeyFingerprint() throws Exception {
        KeyPair pair = server.getKeyPairProvider().loadKeys(null).iterator().next();
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, pair.getPublic());
    }

    void allowKey(Path publicKeyFile) throws Exception {
        allowedKey = AuthorizedKeyEntry.parseAuthorizedKeyEntry(Files.readString(publicKeyFile).strip())
                .resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** Runs the command in {@code sh -c}, piping the channel's streams. */
    private static final class LocalShellCommand implements Command {
        private final String command;
        private final List<byte[]> stdinSeen;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        LocalShellCommand(String command, List<byte[]> stdinSeen) {
            this.command = command;
            this.stdinSeen = stdinSeen;
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
            // "sudo" does not exist here: a stand-in that only records its stdin, then runs the command.
            String shell = command.startsWith("sudo -S -p '' -- sh -c ")
                    ? "IFS= read -r pw; printf '%s' \"$pw\" > \"$SUDO_SEEN\"; sh -c " + command.substring("sudo -S -p '' -- sh -c ".length())
                    : command;
            Path seen = Files.createTempFile("sudo-stdin", ".txt");
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", shell);
            builder.environment().put("SUDO_SEEN", seen.toString());
            Process process = builder.start();
            Thread.ofVirtual().start(() -> pump(in, process.getOutputStream(), true));
            Thread outPump = Thread.ofVirtual().start(() -> pump(process.getInputStream(), out, false));
            Thread errPump = Thread.ofVirtual().start(() -> pump(process.getErrorStream(), err, false));
            Thread.ofVirtual().start(() -> {
                try {
                    int code = process.waitFor();
                    outPump.join();
                    errPump.join();
                    if (Files.size(seen) > 0) {
                        stdinSeen.add(Files.readAllBytes(seen));
                    }
                    Files.deleteIfExists(seen);
                    exit.onExit(code);
                } catch (Exception e) {
                    exit.onExit(255);
                }
            });
        }

        /** Passes on each chunk as soon as it is read, as sshd does: MINA's channel stream would otherwise hold it until the end. */
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
