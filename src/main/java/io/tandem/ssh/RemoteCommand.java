package io.tandem.ssh;

import io.tandem.model.Secret;
import io.tandem.text.ShellQuote;

import java.util.List;

/**
 * A command for the remote shell. Built from words (each quoted) or from a script Tandem itself
 * wrote; {@link #display} is what logs and error messages may show, with secrets masked.
 */
public record RemoteCommand(String script, List<Secret> secrets) {

    public static final String MASK = "******";

    public RemoteCommand {
        secrets = List.copyOf(secrets);
    }

    /** {@code words} quoted one by one: a value can never become shell syntax. */
    public static RemoteCommand of(String... words) {
        return new RemoteCommand(ShellQuote.join(List.of(words)), List.of());
    }

    /** A script from Tandem's own code (constants and quoted values only). */
    public static RemoteCommand script(String script) {
        return new RemoteCommand(script, List.of());
    }

    /** This command with more words, each quoted. */
    public RemoteCommand withWords(List<String> words) {
        return new RemoteCommand(script + (words.isEmpty() ? "" : " " + ShellQuote.join(words)), secrets);
    }

    public RemoteCommand withSecrets(List<Secret> more) {
        List<Secret> all = new java.util.ArrayList<>(secrets);
        all.addAll(more);
        return new RemoteCommand(script, all);
    }

    /** The command as it may be shown: every secret replaced by {@value #MASK}. */
    public String display() {
        return mask(script);
    }

    /**
     * The command's first line as it may be shown, cut at 120 characters, for messages about the
     * command as a whole (a timeout): a status script of 60 lines made such a message unreadable.
     */
    public String summary() {
        String shown = display().strip();
        int newline = shown.indexOf('\n');
        String first = newline < 0 ? shown : shown.substring(0, newline);
        boolean cut = newline >= 0 || first.length() > 120;
        return (first.length() > 120 ? first.substring(0, 120) : first) + (cut ? " …" : "");
    }

    /** Masks this command's secrets in any text (stderr of a failure, for example). */
    public String mask(String text) {
        String out = text;
        for (Secret secret : secrets) {
            if (!secret.reveal().isEmpty()) {
                out = out.replace(secret.reveal(), MASK);
            }
        }
        return out;
    }
}
