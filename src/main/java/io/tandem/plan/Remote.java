package io.tandem.plan;

import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.ssh.SshFailure;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * One host as an action sees it: commands run as root. Apply implements it over SSH (and journals
 * every command); a step's actions never reach a host any other way.
 */
public interface Remote {

    String host();

    /**
     * Runs {@code command} as root with {@code stdin} (secrets travel here, never on the command
     * line), handing each stdout line to {@code lines} as it arrives; the result is not checked.
     */
    ExecResult run(RemoteCommand command, byte[] stdin, Duration timeout, Consumer<String> lines) throws SshFailure;

    /**
     * Runs a read-only command whose output may hold whole files or the CIB (secrets, also
     * base64-encoded where no mask would find them): the journal keeps the command and its exit
     * status, never its output. Fails like {@link #require}.
     */
    default ExecResult read(RemoteCommand command, Duration timeout) throws SshFailure, StepFailure {
        return read(command, new byte[0], timeout);
    }

    /** {@link #read(RemoteCommand, Duration)} with {@code stdin}: for a command whose output is a key. */
    default ExecResult read(RemoteCommand command, byte[] stdin, Duration timeout) throws SshFailure, StepFailure {
        ExecResult result = run(command, stdin, timeout, line -> { });
        if (!result.ok()) {
            throw StepFailure.of(command, result);
        }
        return result;
    }

    /** Runs and fails with the command's stderr when it exits non-zero. */
    default ExecResult require(RemoteCommand command, Duration timeout) throws SshFailure, StepFailure {
        ExecResult result = run(command, new byte[0], timeout, line -> { });
        if (!result.ok()) {
            throw StepFailure.of(command, result);
        }
        return result;
    }

    /** The apply run's stamp (UTC, e.g. 20261201T201500Z): names the backup folder of this run. */
    String runStamp();

    /** True when the operator confirmed overwriting {@code device} on this host (typed path or --confirm-destroy). */
    boolean confirmedDestroy(String device);

    /**
     * Applies a network change with commit-confirm (the node rolls itself back unless Tandem
     * reconnects in time) and returns when it is committed; fails saying whether the node rolled back.
     */
    void changeNetwork(NetworkChange change) throws SshFailure, StepFailure, InterruptedException;

    /** Reports progress of a long action (a sync, an install) in plain words, e.g. "r0 43.2 %". */
    default void progress(String message) {
    }
}
