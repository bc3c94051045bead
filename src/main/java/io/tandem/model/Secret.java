package io.tandem.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A password, CHAP secret or shared key. Its {@code toString} never reveals the value, so a secret
 * cannot leak through a log line, an exception message or a record's generated {@code toString}.
 * The value is read only where it is deliberately written out (the project file, or an export
 * with secrets included).
 */
public final class Secret {

    /**
     * The word a generated file writes where a secret is filled in later by other means (pcs-commands.sh sets
     * passwords through cibadmin's stdin, never a command line). It hides nothing, so masking leaves it as it is.
     */
    public static final String SET_BELOW = "SET-BELOW";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    @JsonCreator
    public static Secret of(String value) {
        return value == null ? null : new Secret(value);
    }

    /** The secret itself: call only to write it where it belongs. */
    @JsonValue
    public String reveal() {
        return value;
    }

    public int length() {
        return value.length();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "<redacted>";
    }
}
