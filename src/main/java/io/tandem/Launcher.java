package io.tandem;

import io.tandem.cli.TandemCommand;
import io.tandem.gui.StartFailure;
import io.tandem.gui.TandemApp;

import java.io.PrintWriter;

/**
 * The jar's entry point. With arguments it is the CLI; without, it opens the wizard. Not a JavaFX
 * {@code Application} itself, so the app runs from a plain class path and a shaded jar.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
                System.err.println("No graphical display found (DISPLAY is not set), so the wizard cannot open.");
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
}
