package io.tandem.apply;

import io.tandem.plan.NetworkChange;
import io.tandem.plan.Remote;
import io.tandem.plan.StepFailure;
import io.tandem.render.SecretBook;
import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.ssh.SshConnection;
import io.tandem.ssh.SshFailure;
import io.tandem.text.HostText;

import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A step's view of one host over its SSH connection: every command runs as root and is journaled
 * (as shown, with its exit status and its output with the project's secrets masked).
 */
final class SshRemote implements StepRemote {

    private static final int OUTPUT_LIMIT = 8192;

    private final String host;
    private final SshConnection ssh;
    private final Journal journal;
    private final String run;
    private final String stamp;
    private final SecretBook secrets;
    private final Set<String> confirmed;
    private final ApplyListener listener;
    private final NetworkChanger network;
    private volatile String step = "";

    SshRemote(String host, SshConnection ssh, Journal journal, String run, String stamp, SecretBook secrets, Set<String> confirmed,
              ApplyListener listener, NetworkChanger network) {
        this.host = host;
        this.ssh = ssh;
        this.journal = journal;
        this.run = run;
        this.stamp = stamp;
        this.secrets = secrets;
        this.confirmed = confirmed;
        this.listener = listener;
        this.network = network;
    }

    @Override
    public void step(String id) {
        this.step = id;
    }

    SshConnection connection() {
        return ssh;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public ExecResult run(RemoteCommand command, byte[] stdin, Duration timeout, Consumer<String> lines) throws SshFailure {
        ExecResult result;
        try {
            result = ssh.runAsRoot(command, stdin, timeout, line -> {
                lines.accept(line);
                listener.output(host, step, mask(command, line));
            });
        } catch (SshFailure failure) {
            journal.append(new JournalEntry(java.time.Instant.now(), run, "command", host, step, command.display(), null,
                    "no result: " + failure.getMessage()));
            listener.command(host, step, secrets.hide(command.display()), null);
            throw failure;
        }
        listener.command(host, step, secrets.hide(command.display()), result.exitStatus());
        String output = mask(command, result.stdout() + (result.stderr().isEmpty() ? "" : "\n[stderr]\n" + result.stderr()));
        journal.append(new JournalEntry(java.time.Instant.now(), run, "command", host, step, command.display(), result.exitStatus(),
                output.length() > OUTPUT_LIMIT ? output.substring(0, OUTPUT_LIMIT) + "\n[cut]" : output));
        return result;
    }

    @Override
    public ExecResult read(RemoteCommand command, byte[] stdin, Duration timeout) throws SshFailure, StepFailure {
        ExecResult result = ssh.runAsRoot(command, stdin, timeout, line -> { });
        journal.append(new JournalEntry(java.time.Instant.now(), run, "command", host, step, command.display(), result.exitStatus(),
                NOT_KEPT));
        listener.command(host, step, secrets.hide(command.display()), result.exitStatus());
        if (!result.ok()) {
            // Only stderr: stdout may hold part of a file.
            throw new StepFailure("reading on " + host + " failed (exit status " + result.exitStatus() + ")", mask(command, result.stderr()).strip());
        }
        return result;
    }

    /** What the journal says instead of the output of a read: it may hold files or the CIB. */
    static final String NOT_KEPT = "(output not kept: it may hold file contents)";

    String mask(RemoteCommand command, String text) {
        return HostText.lines(secrets.hide(command.mask(text)));
    }

    @Override
    public String runStamp() {
        return stamp;
    }

    @Override
    public boolean confirmedDestroy(String device) {
        return confirmed.contains(host + ":" + device);
    }

    @Override
    public void changeNetwork(NetworkChange change) throws SshFailure, StepFailure, InterruptedException {
        network.change(this, change);
    }

    @Override
    public void progress(String message) {
        listener.progress(host, step, HostText.line(message));
    }
}
