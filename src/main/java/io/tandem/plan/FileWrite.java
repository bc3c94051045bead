package io.tandem.plan;

import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.ssh.SshFailure;
import io.tandem.text.ShellQuote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Writes one file on a host the way apply always does: the content arrives on stdin (never on a
 * command line), goes to a temporary file in the same directory with its mode and owner set and
 * synced, the file there now is copied to {@code /var/lib/tandem/backup/STAMP/PATH} first, and the
 * temporary file is renamed over it, so a reader sees the old file or the new one, never half. The
 * script refuses (exit 3) when the file changed since Tandem read it: the content placed into it
 * would be stale.
 */
public final class FileWrite {

    public static final String BACKUP_ROOT = "/var/lib/tandem/backup";
    static final int CHANGED_MEANWHILE = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private FileWrite() {
    }

    /** {@code expected}: the sha256 of the content the new one was placed into, or empty when there was no file. */
    public static String script(String path, int mode, Optional<String> expected, String stamp) {
        return build(path, mode, guard(expected), BACKUP_ROOT + "/" + stamp);
    }

    static String guard(Optional<String> expected) {
        return expected.map(sha -> "[ -f \"$f\" ] && [ \"$(sha256sum < \"$f\" | cut -d' ' -f1)\" = " + sha + " ] || exit "
                + CHANGED_MEANWHILE + "\n").orElse("[ -e \"$f\" ] && exit " + CHANGED_MEANWHILE + "\n");
    }

    /** Replaces whatever is there (kept in the backup), for files Tandem makes whole, such as a new key. */
    public static String overwriting(String path, int mode, String stamp) {
        return build(path, mode, "", BACKUP_ROOT + "/" + stamp);
    }

    /** {@code backup}: the run's backup folder, {@code BACKUP_ROOT/STAMP} (a test's own folder in tests). */
    static String build(String path, int mode, String guard, String backup) {
        if (!backup.matches("/[A-Za-z0-9/._-]*/[0-9]{8}T[0-9]{6}Z")) {
            throw new IllegalArgumentException("backup folder: " + backup);
        }
        String f = ShellQuote.quote(path);
        return "set -e\numask 077\nf=" + f + "\nd=$(dirname \"$f\")\n"
                + guard
                + "[ -d \"$d\" ] || mkdir -p -m 0755 \"$d\"\n"
                + "if [ -e \"$f\" ]; then b=" + ShellQuote.quote(backup) + "\"$d\"; mkdir -p -m 0700 \"$b\"; "
                + "cp -a \"$f\" \"$b/\"; fi\n"
                + "t=$(mktemp \"$d/.tandem.XXXXXX\")\ntrap 'rm -f \"$t\"' EXIT\n"
                + "cat > \"$t\"\nchmod " + String.format("%04o", mode) + " \"$t\"\nchown root:root \"$t\"\nsync \"$t\"\n"
                // A file that is itself a mount point (a bind-mounted /etc/hosts in a container) cannot be renamed over:
                // it is rewritten in place, the one case that is not atomic.
                + "if mountpoint -q \"$f\" 2>/dev/null; then cat \"$t\" > \"$f\"; chmod " + String.format("%04o", mode)
                + " \"$f\"; chown root:root \"$f\"; sync \"$f\"; rm -f \"$t\"; else mv -f \"$t\" \"$f\"; fi\n"
                + "trap - EXIT\nsync \"$d\" 2>/dev/null || sync\n";
    }

    /** Reads the file, and when placing {@code placed} into it changes anything, writes the result. */
    public static void write(Remote remote, String path, int mode, java.util.function.Function<Optional<String>, String> placed)
            throws SshFailure, StepFailure {
        ExecResult read = remote.read(RemoteCommand.script(HostFileState.probe(ShellQuote.quote(path))), TIMEOUT);
        HostFileState state = HostFileState.parse(read.stdout())
                .orElseThrow(() -> new StepFailure("could not read " + path + " on " + remote.host(), ""));
        String content = placed.apply(state.existing());
        if (state.exists() && content.equals(state.content()) && state.mode() == mode && state.owner().equals("root:root")) {
            return;
        }
        RemoteCommand command = RemoteCommand.script(script(path, mode, state.existing().map(FileWrite::sha256), remote.runStamp()));
        ExecResult result = remote.run(command, content.getBytes(StandardCharsets.UTF_8), TIMEOUT, line -> { });
        if (result.exitStatus() == CHANGED_MEANWHILE) {
            throw new StepFailure(path + " on " + remote.host() + " changed while Tandem was writing it; nothing was written",
                    "Run apply again: it reads the file anew.");
        }
        if (!result.ok()) {
            throw StepFailure.of(RemoteCommand.script("write " + path), result);
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
