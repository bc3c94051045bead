package io.tandem.testing;

import io.tandem.verify.LocalCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a command as on a machine where some shared libraries are not installed, without touching
 * this one: in a private mount namespace each library's file is covered by {@code /dev/null} (the
 * loader cannot map it) and {@code /etc/ld.so.cache} by a cache that {@code ldconfig} rebuilt there
 * (so {@code ldconfig -p} does not list it either: hiding the files alone is not enough, nor is
 * {@code LD_LIBRARY_PATH}). Needs root, unshare and mount; {@link #require} says so.
 */
public final class WithoutLibraries {

    // $1: scratch folder; $2: the sonames to hide; the rest: the command.
    private static final String SANDBOX = """
            set -eu
            scratch=$1; sonames=$2; shift 2
            for so in $sonames; do
                for f in $(ldconfig -p | awk -v so="$so" '$1 == so { print $NF }'); do
                    mount --bind /dev/null "$(readlink -f "$f")"
                done
            done
            mount -t tmpfs tandem-ldcache "$scratch"
            [ ! -d /var/cache/ldconfig ] || mount -t tmpfs tandem-ldaux /var/cache/ldconfig  # ldconfig's own cache stays untouched
            ldconfig -X -C "$scratch/ld.so.cache" 2>/dev/null  # -X: no links changed in the real folders; it names each hidden file
            mount --bind "$scratch/ld.so.cache" /etc/ld.so.cache
            exec "$@"
            """;

    private WithoutLibraries() {
    }

    public static void require() {
        RealTools.require("unshare", "mount", "ldconfig", "readlink", "awk");
        RealTools.requireRoot("hiding libraries takes a private mount namespace");
    }

    /** Runs {@code command} with {@code sonames} (e.g. libgtk-3.so.0) gone, in {@code directory}. */
    public static LocalCommand.Output run(List<String> sonames, List<String> command, Map<String, String> environment, Path directory,
                                          Path scratch) throws IOException {
        Path folder = Files.createDirectories(scratch.resolve("ldcache"));
        List<String> full = new ArrayList<>(List.of("unshare", "-m", "--propagation", "private", "sh", "-c", SANDBOX, "sandbox",
                folder.toString(), String.join(" ", sonames)));
        full.addAll(command);
        return LocalCommand.run(full, environment, directory, Duration.ofMinutes(2));
    }
}
