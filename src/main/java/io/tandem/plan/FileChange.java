package io.tandem.plan;

import io.tandem.facts.HostFile;
import io.tandem.facts.HostFiles;
import io.tandem.facts.SecretMasker;
import io.tandem.render.FileSet;
import io.tandem.render.PlacedText;
import io.tandem.render.RenderedFile;
import io.tandem.text.LineDiff;

import java.util.Optional;

/**
 * What writing one rendered file would change in the file on its host as discovery found it. Both
 * texts carry masks instead of secrets: the host's were masked when it was read, the rendered
 * file's secrets are masked the same way here ({@link SecretMasker#token}), so an unchanged secret
 * compares equal and a changed one shows as a changed line — with masks on both sides.
 *
 * @param before the host's file (empty when absent or unknown)
 * @param after  the whole file after placing the rendered one into it
 * @param reason for {@link Status#UNKNOWN}: why there is nothing to compare with
 */
public record FileChange(RenderedFile file, Status status, String reason, String before, String after, Optional<LineDiff> diff) {

    public enum Status { NEW, CHANGED, UNCHANGED, UNKNOWN }

    /** No comparison: the host was not discovered, or the file is not on one host. */
    public static FileChange unknown(RenderedFile file, String reason) {
        return new FileChange(file, Status.UNKNOWN, reason, "", "", Optional.empty());
    }

    /** Compares {@code file} with what discovery read at its path on its host. */
    public static FileChange against(FileSet set, RenderedFile file, HostFiles host) {
        if (!host.read()) {
            return unknown(file, "discovery could not read the host's files");
        }
        Optional<HostFile> found = host.file(file.path());
        if (found.isEmpty()) {
            return unknown(file, "discovery does not read " + file.path());
        }
        String rendered = set.maskedText(file, secret -> SecretMasker.token(secret.reveal()));
        HostFile onHost = found.get();
        return switch (onHost.state()) {
            case ABSENT -> between(file, Optional.empty(), rendered);
            case PRESENT -> between(file, Optional.of(onHost.content()), rendered);
            case TOO_LARGE, BINARY, UNREADABLE, NOT_A_FILE, KERNEL_FILE -> unknown(file, "on the host it is " + onHost.state().description());
        };
    }

    /**
     * Compares masked texts Tandem read itself (a probe's output masked by {@link SecretMasker#mask}):
     * {@code before} empty when the host has no such file.
     */
    public static FileChange between(RenderedFile file, Optional<String> before, String maskedRendered) {
        if (before.isEmpty()) {
            return compared(file, Status.NEW, "", maskedRendered);
        }
        String after = PlacedText.place(file.placement(), before, maskedRendered);
        return compared(file, after.equals(before.get()) ? Status.UNCHANGED : Status.CHANGED, before.get(), after);
    }

    private static FileChange compared(RenderedFile file, Status status, String before, String after) {
        return new FileChange(file, status, "", before, after, Optional.of(LineDiff.of(before, after)));
    }

    /** For a file list: "new", "changed (+3 −1)", "unchanged" or "unknown". */
    public String label() {
        return switch (status) {
            case NEW -> "new";
            case CHANGED -> "changed (+" + diff.map(LineDiff::added).orElse(0) + " \u2212" + diff.map(LineDiff::removed).orElse(0) + ")";
            case UNCHANGED -> "unchanged";
            case UNKNOWN -> "unknown";
        };
    }

    /** Without the texts, which are long (and masked anyway). */
    @Override
    public String toString() {
        return "FileChange[" + file.host() + ":" + file.path() + " " + label() + (reason.isEmpty() ? "" : ", " + reason) + "]";
    }
}
