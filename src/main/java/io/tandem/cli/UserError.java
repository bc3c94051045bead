package io.tandem.cli;

/** A mistake of the user's, reported as a message and an exit code, never as a stack trace. */
public final class UserError extends RuntimeException {

    private final int exitCode;

    public UserError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
