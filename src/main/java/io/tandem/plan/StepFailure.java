package io.tandem.plan;

import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;

/**
 * An action found the host not as it needs it: a command failed, a device gained a signature, a
 * wait ran out. The message is for the operator (secrets masked); apply adds the step and host.
 */
public final class StepFailure extends Exception {

    private final String detail;

    public StepFailure(String message, String detail) {
        super(message);
        this.detail = detail;
    }

    /** The command (as shown) and its exit status; {@link #detail} holds its stderr, masked. */
    public static StepFailure of(RemoteCommand command, ExecResult result) {
        String shown = command.display();
        // A script's environment lines say nothing about what failed ("'export DEBIAN_FRONTEND=…' exited with status 100").
        String firstLine = shown.lines().filter(l -> !l.isBlank() && !l.startsWith("export ") && !l.startsWith("#")).findFirst()
                .orElse(shown.lines().findFirst().orElse(shown));
        return new StepFailure("'" + abbreviate(firstLine) + "' exited with status " + result.exitStatus(),
                command.mask(result.stderr().isBlank() ? result.stdout() : result.stderr()).strip());
    }

    /** The command's error output (masked), or empty. */
    public String detail() {
        return detail;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
