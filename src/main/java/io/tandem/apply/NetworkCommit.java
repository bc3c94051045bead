package io.tandem.apply;

import io.tandem.apply.CommitDecisions.AfterActivation;
import io.tandem.apply.NetworkCommitResult.State;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.ssh.SshConnection;
import io.tandem.ssh.SshFailure;
import io.tandem.text.HostText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Applies a network change with commit-confirm, so that no change can lock Tandem out of a node:
 * <ol>
 * <li>over the open connection, saves the current files in the node's rollback directory and arms
 * the rollback there (systemd timer, or a detached sleeper) before anything changes;</li>
 * <li>writes the files atomically, starts the activate command detached from the SSH session and
 * closes the session;</li>
 * <li>reconnects with the new settings until shortly before the window ends, reads the activation's
 * exit status, runs the optional check, and only then disarms;</li>
 * <li>otherwise waits out the window, reconnects with the old settings (then the new) and reads
 * the node's rollback marker.</li>
 * </ol>
 * Tandem never disarms without a working connection over the new settings. If Tandem itself dies
 * or is interrupted at any point after arming, the node still rolls back on its own.
 */
public final class NetworkCommit {

    /** Progress, for a GUI or log. A listener that throws aborts the apply; the node then rolls back by itself. */
    public enum Phase { ARMED, FILES_WRITTEN, ACTIVATION_STARTED, RECONNECTING, VERIFYING, COMMITTED, ROLLING_BACK_NOW,
        WAITING_FOR_ROLLBACK, CONFIRMING_ROLLBACK }

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    /** Failures that another try within the window will not cure. */
    private static final Set<SshFailure.Kind> LASTING = Set.of(SshFailure.Kind.AUTHENTICATION_FAILED, SshFailure.Kind.HOST_KEY_CHANGED,
            SshFailure.Kind.HOST_KEY_REVOKED, SshFailure.Kind.HOST_KEY_UNKNOWN_REFUSED, SshFailure.Kind.KEY_FILE_UNUSABLE,
            SshFailure.Kind.KNOWN_HOSTS_UNUSABLE, SshFailure.Kind.SUDO_PASSWORD_REQUIRED, SshFailure.Kind.SUDO_PASSWORD_WRONG);

    private final Consumer<Phase> listener;

    public NetworkCommit() {
        this(phase -> {
        });
    }

    public NetworkCommit(Consumer<Phase> listener) {
        this.listener = listener;
    }

    /**
     * Applies {@code change} on the node {@code connection} is logged in to (with {@code oldSettings});
     * {@code newSettings} is how the node is reached once the change is active (the same settings
     * when the SSH address stays). The connection is closed on the way; it reconnects with its own
     * settings when used again. Blocks for at most the window plus the grace plus a few timeouts.
     *
     * @throws InterruptedException when interrupted; the node rolls back on its own if it was armed
     */
    public NetworkCommitResult apply(SshConnection connection, NetworkChange change, ConnectionSettings oldSettings,
                                     ConnectionSettings newSettings) throws InterruptedException {
        Run run = new Run(change, oldSettings, newSettings);
        return run.go(connection);
    }

    /** One apply: its deadlines and what it learnt. */
    private final class Run {
        private final NetworkChange change;
        private final NetworkCommitScripts scripts;
        private final ConnectionSettings oldSettings;
        private final ConnectionSettings newSettings;
        private final long start = System.nanoTime();
        private long commitBy;
        private long rollbackDue;
        private Optional<String> answeredOn = Optional.empty();

        Run(NetworkChange change, ConnectionSettings oldSettings, ConnectionSettings newSettings) {
            this.change = change;
            this.scripts = new NetworkCommitScripts(change);
            this.oldSettings = oldSettings;
            this.newSettings = newSettings;
        }

        NetworkCommitResult go(SshConnection connection) throws InterruptedException {
            long window = change.window().toNanos();
            // The node's timer starts after the arm command was sent and before its answer came back:
            // confirm before the earliest moment it can fire, wait for the rollback after the latest.
            long armSent = System.nanoTime();
            try {
                ExecResult armed = connection.runAsRoot(RemoteCommand.script(scripts.arm()), COMMAND_TIMEOUT);
                if (!armed.ok()) {
                    return result(State.NOT_APPLIED, "saving the current files or arming the rollback failed on "
                            + connection.target().host() + " (exit " + armed.exitStatus() + "): " + HostText.line(armed.stderr().strip()),
                            Optional.empty());
                }
            } catch (SshFailure failure) {
                return result(State.NOT_APPLIED, failure.getMessage() + " If the rollback was armed before the connection failed, "
                        + "the node re-activates its unchanged files when the window ends (" + change.stateDir() + ")", Optional.empty());
            }
            long armedAt = System.nanoTime();
            commitBy = armSent + window - margin(window);
            rollbackDue = armedAt + window;
            listener.accept(Phase.ARMED);

            String reason = writeAndActivate(connection);
            connection.close();
            if (reason == null) {
                listener.accept(Phase.RECONNECTING);
                Verdict verdict = confirmOverNewSettings();
                if (verdict.committed) {
                    listener.accept(Phase.COMMITTED);
                    return result(State.COMMITTED, "", Optional.empty());
                }
                reason = verdict.reason;
            }
            return awaitRollback(reason);
        }

        /** Writes the files and starts the activation; null when started (or perhaps started), else why not. */
        private String writeAndActivate(SshConnection connection) {
            try {
                for (NetworkFile file : change.files()) {
                    connection.upload(file.path(), file.content(), file.mode(), "root:root", COMMAND_TIMEOUT);
                }
                listener.accept(Phase.FILES_WRITTEN);
            } catch (SshFailure failure) {
                if (failure.kind() == SshFailure.Kind.COMMAND_FAILED) {
                    startRollbackNow(connection);
                }
                return "writing the network files failed: " + failure.getMessage();
            }
            try {
                ExecResult launched = connection.runAsRoot(RemoteCommand.script(scripts.launchActivation()), COMMAND_TIMEOUT);
                if (!launched.ok()) {
                    startRollbackNow(connection);
                    return "the activate command could not be started (exit " + launched.exitStatus() + "): "
                            + HostText.line(launched.stderr().strip());
                }
            } catch (SshFailure failure) {
                // The activation may have cut the connection before its answer arrived: the node knows.
            }
            listener.accept(Phase.ACTIVATION_STARTED);
            return null;
        }

        private void startRollbackNow(SshConnection connection) {
            try {
                listener.accept(Phase.ROLLING_BACK_NOW);
                connection.runAsRoot(RemoteCommand.script(scripts.rollBackNow()), COMMAND_TIMEOUT);
            } catch (SshFailure ignored) {
                // The armed rollback fires at the end of the window anyway.
            }
        }

        private record Verdict(boolean committed, String reason) {
        }

        /** Reconnects with the new settings until {@link #commitBy}; confirms only what it saw work. */
        private Verdict confirmOverNewSettings() throws InterruptedException {
            String lastFailure = "no connection was tried";
            while (System.nanoTime() < commitBy) {
                try (SshConnection ssh = SshConnection.open(newSettings.withConnectTimeout(connectTimeout(commitBy)))) {
                    answeredOn = Optional.of(ssh.target().toString());
                    listener.accept(Phase.VERIFYING);
                    long seconds = Math.max(0, Duration.ofNanos(commitBy - System.nanoTime()).toSeconds());
                    String status = RollbackObservation.parse(ssh.runAsRoot(RemoteCommand.script(scripts.awaitActivation(seconds)),
                            COMMAND_TIMEOUT.plusSeconds(seconds)).stdout()).activate();
                    switch (CommitDecisions.afterActivation(status)) {
                        case LET_IT_ROLL_BACK -> {
                            return new Verdict(false, "running".equals(status)
                                    ? "the activate command was still running when the rollback window was nearly over"
                                    : "the rollback had started before Tandem reconnected");
                        }
                        case ROLL_BACK_NOW -> {
                            startRollbackNow(ssh);
                            return new Verdict(false, "the activate command failed with exit status " + status + " (its output is in "
                                    + change.stateDir() + "/activate.log)");
                        }
                        case CHECK_THEN_COMMIT -> {
                            Optional<String> failed = check(ssh);
                            if (failed.isPresent()) {
                                startRollbackNow(ssh);
                                return new Verdict(false, failed.get());
                            }
                            RollbackObservation disarmed = RollbackObservation.parse(
                                    ssh.runAsRoot(RemoteCommand.script(scripts.disarm()), COMMAND_TIMEOUT).stdout());
                            return disarmed.decided() == RollbackObservation.Decided.COMMIT ? new Verdict(true, "")
                                    : new Verdict(false, "the window ran out just as Tandem confirmed, and the node had begun to roll back");
                        }
                    }
                } catch (SshFailure failure) {
                    lastFailure = failure.getMessage();
                    if (LASTING.contains(failure.kind())) {
                        break;
                    }
                    pause(commitBy);
                }
            }
            return new Verdict(false, "Tandem could not confirm the change over " + newSettings.target() + " within the window: "
                    + lastFailure);
        }

        /** Runs the caller's check over the new connection; empty when it passed or there is none. */
        private Optional<String> check(SshConnection ssh) throws SshFailure {
            if (change.check().isEmpty()) {
                return Optional.empty();
            }
            RemoteCommand check = RemoteCommand.script(change.check().get());
            ExecResult result = ssh.runAsRoot(check, COMMAND_TIMEOUT);
            return result.ok() ? Optional.empty() : Optional.of("the check of the new configuration failed (exit " + result.exitStatus()
                    + "): " + HostText.line(result.stderr().strip()));
        }

        /** After the window: reads what the node did, over the old settings first, until it is clear or the grace is over. */
        private NetworkCommitResult awaitRollback(String reason) throws InterruptedException {
            listener.accept(Phase.WAITING_FOR_ROLLBACK);
            sleepUntil(rollbackDue);
            listener.accept(Phase.CONFIRMING_ROLLBACK);
            long deadline = rollbackDue + change.grace().toNanos();
            List<ConnectionSettings> logins = new ArrayList<>(List.of(oldSettings));
            if (!newSettings.target().equals(oldSettings.target())) {
                logins.add(newSettings);
            }
            while (true) {
                Optional<RollbackObservation> seen = look(logins, deadline);
                boolean past = System.nanoTime() >= deadline;
                Optional<State> state = CommitDecisions.afterWindow(seen, past);
                if (state.isPresent()) {
                    return result(state.get(), reason, seen.flatMap(RollbackObservation::rolledBack));
                }
                pause(deadline);
            }
        }

        private Optional<RollbackObservation> look(List<ConnectionSettings> logins, long deadline) {
            for (ConnectionSettings login : logins) {
                try (SshConnection ssh = SshConnection.open(login.withConnectTimeout(connectTimeout(deadline)))) {
                    RollbackObservation seen = RollbackObservation.parse(
                            ssh.runAsRoot(RemoteCommand.script(scripts.probe()), COMMAND_TIMEOUT).stdout());
                    answeredOn = Optional.of(ssh.target().toString());
                    return Optional.of(seen);
                } catch (SshFailure failure) {
                    // Not (yet) reachable this way; try the next login.
                }
            }
            return Optional.empty();
        }

        private NetworkCommitResult result(State state, String reason, Optional<String> rolledBack) {
            return new NetworkCommitResult(state, change.id(), change.stateDir(), reason, rolledBack,
                    state == State.UNREACHABLE ? Optional.empty() : answeredOn, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Stop trying to confirm this long before the window ends: a fifth of it, at least 2 s. */
    static long margin(long windowNanos) {
        return Math.max(Duration.ofSeconds(2).toNanos(), windowNanos / 5);
    }

    private static Duration connectTimeout(long deadline) {
        long left = deadline - System.nanoTime();
        return Duration.ofNanos(Math.clamp(left, Duration.ofSeconds(1).toNanos(), MAX_CONNECT_TIMEOUT.toNanos()));
    }

    private static void pause(long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(Math.min(left, RETRY_PAUSE.toNanos())));
        }
    }

    private static void sleepUntil(long when) throws InterruptedException {
        long left = when - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }
}
