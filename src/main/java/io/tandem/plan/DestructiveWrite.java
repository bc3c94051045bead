package io.tandem.plan;

import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.ssh.SshFailure;

import java.time.Duration;

/**
 * The one way a step writes over a device (DRBD metadata, an SBD header, a filesystem): in the same
 * script as the write, the device is checked again right before it — it may have gained a signature
 * since the plan — and written only when it holds nothing or its overwrite was confirmed (then its
 * signatures are wiped first). An unconfirmed device ends the step with nothing written.
 */
final class DestructiveWrite {

    /** The script's exit status when the device holds data and its overwrite was not confirmed. */
    static final int NOT_CONFIRMED = 4;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private DestructiveWrite() {
    }

    /**
     * The shell fragment for the device in {@code $d}: {@code alsoHolds} is a further shell condition
     * for "holds data" (empty for none), {@code holds} says in words what counts, and with
     * {@code mounts} a mount counts too and a mounted device is refused even when confirmed.
     */
    static String guard(String alsoHolds, boolean mounts, String holds) {
        return "if " + (alsoHolds.isEmpty() ? "" : alsoHolds + " || ") + "[ -n \"$(blkid -c /dev/null -p -o export \"$d\" 2>/dev/null)\" ]"
                + (mounts ? " || findmnt -rn -S \"$d\" >/dev/null" : "") + "; then\n"
                + "  [ \"$TANDEM_CONFIRMED\" = yes ] || { echo \"$d holds data" + (holds.isEmpty() ? "" : " (" + holds + ")")
                + " and its overwrite was not confirmed\" >&2; exit " + NOT_CONFIRMED + "; }\n"
                + (mounts ? "  findmnt -rn -S \"$d\" >/dev/null && { echo \"$d is mounted: unmount it first\" >&2; exit 5; }\n" : "")
                + "  wipefs -a \"$d\"\nfi\n";
    }

    /**
     * Runs {@code script} (which uses {@link #guard}) on {@code remote} with the operator's confirmation
     * of {@code device}; {@code notConfirmed} is the failure when the device held data unconfirmed,
     * {@code shown} the command a failure names.
     */
    static void run(Remote remote, String device, String script, StepFailure notConfirmed, RemoteCommand shown)
            throws SshFailure, StepFailure {
        String confirmed = remote.confirmedDestroy(device) ? "yes" : "no";
        ExecResult result = remote.run(RemoteCommand.script("TANDEM_CONFIRMED=" + confirmed + "\n" + script), new byte[0], TIMEOUT, l -> { });
        if (result.exitStatus() == NOT_CONFIRMED) {
            throw notConfirmed;
        }
        if (!result.ok()) {
            throw StepFailure.of(shown, result);
        }
    }
}
