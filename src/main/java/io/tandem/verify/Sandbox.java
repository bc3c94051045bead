package io.tandem.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a {@code sh} script in new user, mount and network namespaces ({@code unshare -r -m -n}), as
 * root of the user namespace and without root on this machine: it may bind-mount files over system
 * paths (its mounts vanish with it, nobody else sees them) and it reaches no network, not even this
 * machine's loopback. Values reach the script as environment variables, never inside its text.
 */
final class Sandbox {

    private Sandbox() {
    }

    static Optional<Path> unshare() {
        return LocalCommand.find("unshare");
    }

    static LocalCommand.Output run(Path unshare, String script, Map<String, String> environment, Path directory, Duration timeout)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(unshare.toString(), "-r", "-m", "-n", "sh", "-euc", script));
        return LocalCommand.run(command, environment, directory, timeout);
    }
}
