package io.tandem.plan;

import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.ssh.SshFailure;

import java.time.Duration;

/**
 * The one way a step writes over a device (a partition table, DRBD metadata, an SBD header, a
 * filesystem): in the same script as the write, the device is checked again right before it — it
 * may have gained a signature since the plan, or be another disk of another size — and written only
 * when it holds nothing or its overwrite was confirmed (then its signatures are wiped first). An
 * unconfirmed or resized device ends the step with nothing written.
 */
final class DestructiveWrite {

    /** The script's exit status when the device holds data and its overwrite was not confirmed. */
    static final int NOT_CONFIRMED = 4;
    /** The script's exit status when the device's size is not the one the plan saw. */
    static final int SIZE_CHANGED = 8;
    /** No size was seen at plan time (the device did not exist yet, or its probe failed): nothing to compare. */
    static final long UNKNOWN_SIZE = -1;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private DestructiveWrite() {
    }

    /**
     * The shell fragment for the device in {@code $d}: {@code alsoHolds} is a further shell condition
     * for "holds data" (empty for none), {@code holds} says in words what counts, and with
     * {@code mounts} a mount counts too and a mounted device is refused even when confirmed. After it,
     * {@code $wiped} is {@code yes} when the device held data and its overwrite was confirmed.
     */
    static String guard(String alsoHolds, boolean mounts, String holds) {
        return "if " + (alsoHolds.isEmpty() ? "" : alsoHolds + " || ") + DeviceState.HAS_SIGNATURE
                + " || ! " + DeviceState.START_IS_ZERO
                + (mounts ? " || findmnt -rn -S \"$d\" >/dev/null" : "") + "; then\n"
                + "  [ \"$TANDEM_CONFIRMED\" = yes ] || { echo \"$d holds data" + (holds.isEmpty() ? "" : " (" + holds + ")")
                + " and its overwrite was not confirmed\" >&2; exit " + NOT_CONFIRMED + "; }\n"
                + (mounts ? "  findmnt -rn -S \"$d\" >/dev/null && { echo \"$d is mounted: unmount it first\" >&2; exit 5; }\n" : "")
                // Confirmed: the signatures wiped, and the first 128 KiB zeroed so drbdmeta and mkfs do not ask again.
                + "  wipefs -a \"$d\"\n  " + zeroStart("d") + "\n  wiped=yes\nfi\n";
    }

    /** The command that zeroes the first 128 KiB (where drbdmeta, mkfs and blkid look) of the device in the shell variable {@code variable}. */
    static String zeroStart(String variable) {
        return "dd if=/dev/zero of=\"$" + variable + "\" bs=131072 count=1 conv=notrunc,fsync status=none";
    }

    /**
     * The shell fragment that stops the script (before anything is written) when the device in
     * {@code $d} is no longer {@code plannedBytes} long: the disk was swapped or resized since the
     * plan, so what the plan said about it (blank, its size) is about another disk. Empty for
     * {@link #UNKNOWN_SIZE}. Its current size goes to stderr for {@link #run}'s message.
     */
    static String sizeGuard(long plannedBytes) {
        if (plannedBytes < 0) {
            return "";
        }
        return "s=$(blockdev --getsize64 \"$d\" 2>/dev/null)\n"
                + "[ \"$s\" = " + plannedBytes + " ] || { echo \"${s:-unknown}\" >&2; exit " + SIZE_CHANGED + "; }\n";
    }

    /**
     * Runs {@code script} (which uses {@link #guard}) on {@code remote} with the operator's confirmation
     * of {@code device}; {@code notConfirmed} is the failure when the device held data unconfirmed,
     * {@code shown} the command a failure names.
     */
    static void run(Remote remote, String device, String script, StepFailure notConfirmed, RemoteCommand shown)
            throws SshFailure, StepFailure {
        run(remote, device, UNKNOWN_SIZE, script, new byte[0], notConfirmed, shown);
    }

    /**
     * As above, for a script that also uses {@link #sizeGuard} with {@code plannedBytes}, fed
     * {@code stdin} (e.g. an sfdisk script).
     */
    static void run(Remote remote, String device, long plannedBytes, String script, byte[] stdin, StepFailure notConfirmed,
                    RemoteCommand shown) throws SshFailure, StepFailure {
        String confirmed = remote.confirmedDestroy(device) ? "yes" : "no";
        ExecResult result = remote.run(RemoteCommand.script("TANDEM_CONFIRMED=" + confirmed + "\n" + script), stdin, TIMEOUT, l -> { });
        if (result.exitStatus() == NOT_CONFIRMED) {
            throw notConfirmed;
        }
        if (result.exitStatus() == SIZE_CHANGED && plannedBytes >= 0) {
            throw sizeChanged(device, remote.host(), plannedBytes, result.stderr().strip());
        }
        if (!result.ok()) {
            throw StepFailure.of(shown, result);
        }
    }

    static StepFailure sizeChanged(String device, String host, long plannedBytes, String now) {
        String shown = now.matches("\\d+") ? io.tandem.text.ByteSize.describe(Long.parseLong(now)) : "of unknown size";
        return new StepFailure(device + " on " + host + " is now " + shown + ", it was " + io.tandem.text.ByteSize.describe(plannedBytes)
                + " when the plan was made (the disk was swapped or resized); nothing was written",
                "Make sure " + device + " is the disk you mean (lsblk -o NAME,SIZE,SERIAL,MODEL " + device + "), then run tandem plan again");
    }
}
