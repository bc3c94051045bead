package io.tandem;

import io.tandem.cli.TandemCommand;
import io.tandem.gui.StartFailure;
import io.tandem.gui.TandemApp;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/**
 * The jar's entry point. With arguments it is the CLI; without, it opens the wizard. Not a JavaFX
 * {@code Application} itself, so the app runs from a plain class path and a shaded jar.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Optional<String> refusal = displayRefusal(System.getProperty("os.name", ""), System.getenv("DISPLAY"),
                    System.getenv("WAYLAND_DISPLAY"));
            if (refusal.isPresent()) {
                System.err.println(refusal.get());
                System.err.println("Run it on a desktop, or use the command line: tandem --help");
                System.exit(2);
            }
            try {
                TandemApp.launchApp(args);
            } catch (RuntimeException | LinkageError e) {
                // The toolkit did not start (no GTK, no display, no renderer) or the window failed to open.
                System.err.println(StartFailure.sentence(e, System.getenv("DISPLAY")));
                if (StartFailure.debug(System.getenv(StartFailure.DEBUG_VARIABLE))) {
                    e.printStackTrace();
                }
                System.exit(2);
            }
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(TandemCommand.execute(args, out, err));
    }

    /**
     * Why the wizard cannot open on {@code osName} (the {@code os.name} property) with these
     * DISPLAY and WAYLAND_DISPLAY values, or empty when it may try. Only X11 and Wayland (Linux,
     * the BSDs) find their display through those variables, so only there does their absence mean
     * no window can open; Windows and macOS never set them and always have their own desktop.
     */
    static Optional<String> displayRefusal(String osName, String display, String waylandDisplay) {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean ownDesktop = os.startsWith("windows") || os.startsWith("mac");
        if (ownDesktop || display != null || waylandDisplay != null) {
            return Optional.empty();
        }
        return Optional.of("No graphical display found (DISPLAY is not set), so the wizard cannot open.");
    }
}
