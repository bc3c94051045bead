package io.tandem.model;

/**
 * One thing wrong with a project: where ({@code path}, e.g. {@code $.nodes[0].ssh.port}), what,
 * and how to fix it, in words a non-expert understands.
 */
public record Problem(Severity severity, String path, String message, String fix) {

    public static Problem error(String path, String message, String fix) {
        return new Problem(Severity.ERROR, path, message, fix);
    }

    public static Problem warning(String path, String message, String fix) {
        return new Problem(Severity.WARNING, path, message, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line for a terminal: {@code error $.path: message Fix: fix}. */
    public String describe() {
        return severity.name().toLowerCase() + " " + path + ": " + message + " Fix: " + fix;
    }
}
