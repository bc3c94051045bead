package io.tandem.cli;

/** The CLI's exit codes: scripts rely on them. */
public final class ExitCodes {

    /** Everything is fine (warnings allowed). */
    public static final int OK = 0;
    /** A check failed: validation errors, a real tool rejected a file. */
    public static final int CHECK_FAILED = 1;
    /** Bad input: unreadable or malformed project file, wrong options, refused destination. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
