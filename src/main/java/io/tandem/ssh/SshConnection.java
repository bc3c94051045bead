package io.tandem.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import io.tandem.text.ShellQuote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One SSH connection to one host, reused for every command; reconnects (host key checked again)
 * when it dropped. Every command runs in {@code sh}, whatever the login shell
 * ({@link PosixCommandLine}); {@link #runAsRoot} adds sudo as the settings say, and a sudo
 * password goes to sudo only when sudo asks for it ({@link SudoExchange}).
 */
public final class SshConnection implements AutoCloseable {

    private static final Pattern OWNER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}(:[a-z_][a-z0-9_-]{0,31})?");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9_.+-]+(/[A-Za-z0-9_.+-]+)*");

    private final ConnectionSettings settings;
    private final AtomicInteger roundTrips = new AtomicInteger();
    private Session session;
    private PromptingHostKeyRepository hostKeys;

    private SshConnection(ConnectionSettings settings) {
        this.settings = settings;
    }

    /** Connects and authenticates; the host key is checked (and asked about) first. */
    public static SshConnection open(ConnectionSettings settings) throws SshFailure {
        SshConnection connection = new SshConnection(settings);
        connection.ensureConnected();
        return connection;
    }

    public SshTarget target() {
        return settings.target();
    }

    /** Round trips so far: each login and each command counts one. */
    public int roundTrips() {
        return roundTrips.get();
    }

    public boolean isConnected() {
        return session != null && session.isConnected();
    }

    /** The host key's SHA256 fingerprint as seen on the last login. */
    public String hostKeyFingerprint() {
        return hostKeys == null ? "" : hostKeys.fingerprint();
    }

    private synchronized Session ensureConnected() throws SshFailure {
        if (session == null || !session.isConnected()) {
            hostKeys = new PromptingHostKeyRepository(settings.target(), settings.hostKeys(), settings.hostKeyPrompt());
            roundTrips.incrementAndGet();
            session = SessionFactory.open(settings, hostKeys);
        }
        return session;
    }

    /** Runs a command as the login user. */
    public ExecResult run(RemoteCommand command, Duration timeout) throws SshFailure {
        return exec(command, command.script(), CommandInput.of(new byte[0]), timeout, null);
    }

    /** Runs a command as root: directly when logged in as root, else through sudo. */
    public ExecResult runAsRoot(RemoteCommand command, Duration timeout) throws SshFailure {
        return privileged(command, "", new byte[0], timeout, null);
    }

    /**
     * One round trip that first runs {@code asUser} as the login user (it still sees the login
     * environment, e.g. {@code $SSH_CONNECTION}, which sudo clears) and then {@code asRoot} as root.
     */
    public ExecResult runAsUserThenRoot(RemoteCommand asUser, RemoteCommand asRoot, Duration timeout) throws SshFailure {
        return privileged(asRoot, asUser.script() + "\n", new byte[0], timeout, null);
    }

    /**
     * Runs {@code command} as root with {@code stdin} (how secrets and file contents travel: never
     * on a command line), handing each stdout line to {@code lines} as it arrives.
     */
    public ExecResult runAsRoot(RemoteCommand command, byte[] stdin, Duration timeout, Consumer<String> lines) throws SshFailure {
        return privileged(command, "", stdin, timeout, lines);
    }

    /** As {@link #runAsRoot}, handing each line of stdout to {@code lines} as it arrives (long commands). */
    public ExecResult streamAsRoot(RemoteCommand command, Duration timeout, Consumer<String> lines) throws SshFailure {
        return privileged(command, "", new byte[0], timeout, lines);
    }

    /**
     * Writes a file atomically as root: to a temporary file in the same directory, mode and owner
     * set, then renamed over the target. Readers see the old file or the new one, never half.
     */
    public void upload(String path, byte[] content, int mode, String owner, Duration timeout) throws SshFailure {
        if (!PATH.matcher(path).matches() || path.contains("/../") || path.contains("/./")) {
            throw new IllegalArgumentException("not a safe absolute path: " + path);
        }
        if (!OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("not a user[:group]: " + owner);
        }
        String dir = path.substring(0, path.lastIndexOf('/'));
        String script = "set -e\n"
                + "t=$(mktemp " + ShellQuote.quote(dir + "/.tandem-upload.XXXXXX") + ")\n"
                + "trap 'rm -f \"$t\"' EXIT\n"
                + "cat > \"$t\"\n"
                + "chmod " + String.format("%04o", mode) + " \"$t\"\n"
                + "chown " + owner + " \"$t\"\n"
                + "mv -f \"$t\" " + ShellQuote.quote(path) + "\n"
                + "trap - EXIT\n";
        ExecResult result = privileged(RemoteCommand.script(script), "", content, timeout, null);
        if (!result.ok()) {
            throw commandFailed(RemoteCommand.script("upload " + path), result);
        }
    }

    /** Runs {@code command} as root; {@code userPrefix} (may be empty) runs first, as the login user. */
    private ExecResult privileged(RemoteCommand command, String userPrefix, byte[] stdin, Duration timeout, Consumer<String> lines)
            throws SshFailure {
        return switch (settings.sudo()) {
            case Sudo.None n -> exec(command, userPrefix + command.script(), CommandInput.of(stdin), timeout, lines);
            case Sudo.Passwordless p -> throughSudo(command, userPrefix, SudoExchange.passwordless().input(stdin), timeout, lines);
            case Sudo.WithPassword w -> throughSudo(command.withSecrets(List.of(w.password())), userPrefix,
                    SudoExchange.withPassword(w.password()).input(stdin), timeout, lines);
        };
    }

    private ExecResult throughSudo(RemoteCommand command, String userPrefix, SudoExchange sudo, Duration timeout, Consumer<String> lines)
            throws SshFailure {
        ExecResult result = exec(command, userPrefix + sudo.commandLine(command.script()), sudo, timeout, lines);
        // Once the command started, its exit status and stderr are its own, whatever they say about passwords.
        return sudo.commandStarted() ? result : checkSudo(result);
    }

    private ExecResult checkSudo(ExecResult result) throws SshFailure {
        if (result.ok()) {
            return result;
        }
        String err = result.stderr();
        String host = settings.target().toString();
        if (err.contains("a password is required") || err.contains("a terminal is required")) {
            throw new SshFailure(SshFailure.Kind.SUDO_PASSWORD_REQUIRED, host, settings.target().user() + " needs a password for "
                    + "sudo on " + settings.target().host() + ". Enter the sudo password, or allow passwordless sudo for this user.");
        }
        if (err.contains("incorrect password") || err.contains("Sorry, try again") || err.contains("no password was provided")) {
            throw new SshFailure(SshFailure.Kind.SUDO_PASSWORD_WRONG, host, "sudo on " + settings.target().host()
                    + " did not accept the password for " + settings.target().user() + ". Check it and try again.");
        }
        if (err.contains("is not in the sudoers file") || err.contains("is not allowed to")) {
            throw new SshFailure(SshFailure.Kind.COMMAND_FAILED, host, settings.target().user() + " may not use sudo on "
                    + settings.target().host() + ". Log in as root, or add the user to the sudo group.");
        }
        return result;
    }

    private ExecResult exec(RemoteCommand command, String script, CommandInput input, Duration timeout, Consumer<String> lines)
            throws SshFailure {
        Session current = ensureConnected();
        long start = System.nanoTime();
        ChannelExec channel;
        try {
            channel = (ChannelExec) current.openChannel("exec");
        } catch (JSchException e) {
            close();
            throw lost(command, e);
        }
        roundTrips.incrementAndGet();
        channel.setCommand(PosixCommandLine.of(script));
        try {
            InputStream out = channel.getInputStream();
            InputStream err = channel.getErrStream();
            OutputStream in = channel.getOutputStream();
            channel.connect((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            StreamReader outReader = new StreamReader(out, lines, null);
            StreamReader errReader = new StreamReader(err, null, input);
            Thread stdoutReader = Thread.ofVirtual().start(outReader);
            Thread stderrReader = Thread.ofVirtual().start(errReader);
            input.begin(in);
            long deadline = start + timeout.toNanos();
            while (!channel.isClosed()) {
                if (System.nanoTime() > deadline) {
                    channel.disconnect();
                    throw new SshFailure(SshFailure.Kind.TIMEOUT, settings.target().toString(), "The command did not finish within "
                            + timeout.toSeconds() + " s on " + settings.target().host() + ": " + command.summary());
                }
                Thread.sleep(5);
            }
            stdoutReader.join(Duration.ofSeconds(5));
            stderrReader.join(Duration.ofSeconds(5));
            int status = channel.getExitStatus();
            String stdout = outReader.text();
            if (status < 0) {
                close();
                throw lost(command, null);
            }
            return new ExecResult(status, stdout, input.reportedStderr(errReader.text()), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException | JSchException e) {
            close();
            throw lost(command, e);
        } catch (InterruptedException e) {
            channel.disconnect();
            Thread.currentThread().interrupt();
            throw new SshFailure(SshFailure.Kind.TIMEOUT, settings.target().toString(), "Interrupted while running: " + command.summary(), e);
        } finally {
            input.end();
            channel.disconnect();
        }
    }

    private SshFailure lost(RemoteCommand command, Exception cause) {
        return new SshFailure(SshFailure.Kind.CONNECTION_LOST, settings.target().toString(), "The connection to "
                + settings.target().host() + " dropped while running: " + command.summary()
                + ". Tandem reconnects on the next command; check that this one did not half-finish.", cause);
    }

    /** A failed command as a typed failure: the command and its stderr, secrets masked. */
    public SshFailure commandFailed(RemoteCommand command, ExecResult result) {
        return new SshFailure(SshFailure.Kind.COMMAND_FAILED, settings.target().toString(), "On " + settings.target().host()
                + " the command '" + command.display() + "' failed (exit " + result.exitStatus() + "): "
                + command.mask(result.stderr().strip()));
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.disconnect();
            session = null;
        }
    }

    /** Reads a stream to its end, optionally passing complete lines on as they come, or each piece to a {@link CommandInput}. */
    private static final class StreamReader implements Runnable {
        private final InputStream stream;
        private final Consumer<String> lines;
        private final CommandInput watcher;
        private final ByteArrayOutputStream all = new ByteArrayOutputStream();

        StreamReader(InputStream stream, Consumer<String> lines, CommandInput watcher) {
            this.stream = stream;
            this.lines = lines;
            this.watcher = watcher;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            int lineStart = 0;
            try {
                int n;
                while ((n = stream.read(buffer)) >= 0) {
                    synchronized (all) {
                        all.write(buffer, 0, n);
                    }
                    if (watcher != null) {
                        watcher.stderr(buffer, n);
                    }
                    if (lines != null) {
                        byte[] sofar = all.toByteArray();
                        for (int i = lineStart; i < sofar.length; i++) {
                            if (sofar[i] == '\n') {
                                lines.accept(new String(sofar, lineStart, i - lineStart, StandardCharsets.UTF_8));
                                lineStart = i + 1;
                            }
                        }
                    }
                }
            } catch (IOException ignored) {
                // The channel closed under us; exec() reports that as a lost connection.
            }
        }

        String text() {
            synchronized (all) {
                return all.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
