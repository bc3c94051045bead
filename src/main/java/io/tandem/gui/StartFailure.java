package io.tandem.gui;

import io.tandem.text.HostText;

import java.util.Locale;

/**
 * Why the desktop app did not open, as one sentence for the terminal. JavaFX reports a missing GTK,
 * an unreachable display or no usable renderer as an exception from {@code Application.launch};
 * a user should read what to do, not its stack trace (that only with {@code TANDEM_DEBUG=1}).
 */
public final class StartFailure {

    /** Set to 1 (or true) to get the JVM's own report after the sentence. */
    public static final String DEBUG_VARIABLE = "TANDEM_DEBUG";

    private static final String COMMAND_LINE = "or use the command line (tandem --help)";

    private StartFailure() {
    }

    /** The sentence for {@code failure}; {@code display} is the DISPLAY variable (may be null). */
    public static String sentence(Throwable failure, String display) {
        String messages = messages(failure).toLowerCase(Locale.ROOT);
        if (messages.contains("glass gtk library") || messages.contains("libgtk") || messages.contains("libgdk")) {
            return "Tandem's desktop app cannot start because GTK 3 is not installed: install it (on Debian and Ubuntu: "
                    + "sudo apt-get install libgtk-3-0 libxtst6) and start it again, " + COMMAND_LINE + ".";
        }
        if (messages.contains("unable to open display")) {
            return "Tandem's desktop app cannot reach the display " + (display == null ? "" : "'" + printable(display) + "' ")
                    + "(DISPLAY): start it from a desktop session, " + COMMAND_LINE + ".";
        }
        if (messages.contains("no toolkit found") || messages.contains("graphics device initialization failed")) {
            return "Tandem's desktop app found no graphics renderer it can use (neither OpenGL nor software rendering started): "
                    + "set " + DEBUG_VARIABLE + "=1 to see why, " + COMMAND_LINE + ".";
        }
        return "Tandem's desktop app could not start (" + printable(firstLine(failure)) + "): set " + DEBUG_VARIABLE
                + "=1 to see the details, " + COMMAND_LINE + ".";
    }

    /** Whether the user asked for the JVM's own report ({@code TANDEM_DEBUG=1}). */
    public static boolean debug(String variable) {
        return variable != null && (variable.equals("1") || variable.equalsIgnoreCase("true"));
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null && all.length() < 10_000; t = t.getCause()) {
            all.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static String firstLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** Control characters (from an environment variable or a message) reach the terminal escaped. */
    private static String printable(String text) {
        return HostText.line(text);
    }
}
