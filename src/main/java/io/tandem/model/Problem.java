package io.tandem.model;

/**
 * One thing wrong with a project: where ({@code path}, e.g. {@code $.nodes[0].ssh.port}), what,
 * and how to fix it, in words a non-expert understands.
 *
 * <p>{@code message} and {@code fix} speak to someone editing a project file (the CLI prints them).
 * Where the wizard's user would do something else (choose on a step rather than add a key), the
 * problem carries that too: {@code wizardMessage} and {@code wizardFix}, null when the file's words
 * serve both.
 */
public record Problem(Severity severity, String path, String message, String fix, String wizardMessage, String wizardFix) {

    public static Problem error(String path, String message, String fix) {
        return new Problem(Severity.ERROR, path, message, fix, null, null);
    }

    public static Problem warning(String path, String message, String fix) {
        return new Problem(Severity.WARNING, path, message, fix, null, null);
    }

    /** The same problem, said as the wizard's user meets it; null keeps the file's words. */
    public Problem inWizard(String message, String fix) {
        return new Problem(severity, path, this.message, this.fix, message, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The message for the wizard: its own words when it has some, else the file's. */
    public String messageInWizard() {
        return wizardMessage != null ? wizardMessage : message;
    }

    public String fixInWizard() {
        return wizardFix != null ? wizardFix : fix;
    }

    /** One line for a terminal: {@code error $.path: message Fix: fix}. */
    public String describe() {
        return severity.name().toLowerCase() + " " + path + ": " + message + " Fix: " + fix;
    }
}
