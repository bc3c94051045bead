package io.tandem.facts;

/**
 * A fact's output that does not have the shape its parser knows: another tool version, a
 * truncated transfer, or an error message where data was expected. The message starts with the
 * fact's name so that a user can run the same command by hand and compare.
 */
public final class FactParseException extends Exception {

    private final String fact;
    private final String reason;

    public FactParseException(String fact, String reason) {
        super(fact + ": " + reason);
        this.fact = fact;
        this.reason = reason;
    }

    public FactParseException(String fact, String reason, Throwable cause) {
        super(fact + ": " + reason, cause);
        this.fact = fact;
        this.reason = reason;
    }

    /** The command or file the output came from, e.g. {@code lsblk -J}. */
    public String fact() {
        return fact;
    }

    /** What was wrong with the output, without the fact's name. */
    public String reason() {
        return reason;
    }
}
