package io.tandem.apply;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Where Tandem keeps what it learns about a project on this workstation (the apply journal):
 * {@code $XDG_STATE_HOME/tandem/<cluster>-<hash of the project file's path>}, by default under
 * {@code ~/.local/state}. Beside the project would be simpler, but project files get mailed and
 * committed; the journal describes the hosts.
 */
public final class StateDirectory {

    private StateDirectory() {
    }

    public static Path of(Path projectFile, String clusterName) {
        return of(base(), projectFile, clusterName);
    }

    /** Tandem's state folder of this user: {@code $XDG_STATE_HOME/tandem}, by default {@code ~/.local/state/tandem}. */
    public static Path base() {
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("tandem");
    }

    /** The project's folder under {@code base} (tests use their own). */
    public static Path of(Path base, Path projectFile, String clusterName) {
        return base.resolve(clusterName + "-" + hash(projectFile.toAbsolutePath().normalize().toString()));
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
