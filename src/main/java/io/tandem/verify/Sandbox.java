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

    private static final java.util.concurrent.ConcurrentHashMap<Path, Optional<String>> PROBED = new java.util.concurrent.ConcurrentHashMap<>();

    static Optional<Path> unshare() {
        return LocalCommand.find("unshare");
    }

    /**
     * Why {@code unshare} cannot make a sandbox on this machine, empty when it can: user namespaces
     * may be off or restricted (Ubuntu 24.04's AppArmor refuses them to unconfined programs). Then
     * the checks that need one are skipped with this reason, not failed: the files are not at fault.
     */
    static Optional<String> unavailable(Path unshare) {
        return PROBED.computeIfAbsent(unshare, u -> {
            try {
                var out = LocalCommand.run(List.of(u.toString(), "-r", "-m", "-n", "true"), Map.of(), Path.of("/"), Duration.ofSeconds(10));
                return out.ok() ? Optional.empty()
                        : Optional.of("cannot make a user namespace here (" + (out.stderr().isBlank() ? "exit " + out.exitCode() : out.stderr().strip())
                        + "); allow unprivileged user namespaces or run as root");
            } catch (IOException e) {
                return Optional.of("cannot run " + u + ": " + e.getMessage());
            }
        });
    }

    /** The reason no sandbox can be made: unshare missing or refused; empty when one can. */
    static Optional<String> whyNot() {
        return unshare().map(Sandbox::unavailable).orElse(Optional.of("needs unshare (apt-get install util-linux)"));
    }

    static LocalCommand.Output run(Path unshare, String script, Map<String, String> environment, Path directory, Duration timeout)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(unshare.toString(), "-r", "-m", "-n", "sh", "-euc", script));
        return LocalCommand.run(command, environment, directory, timeout);
    }
}
