package io.tandem.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Shell scripts Tandem sends to hosts, run by the real sh in a folder whose {@code bin} holds stand-ins for the cluster's
 * tools (cibadmin, crm_resource…): each stand-in is a sh script that sees the folder as {@code $DIR}.
 */
public final class StandInTools {

    private StandInTools() {
    }

    /** Writes {@code dir/bin/name}, executable, running {@code body} with {@code DIR} set to {@code dir}. */
    public static void tool(Path dir, String name, String body) throws IOException {
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Path tool = bin.resolve(name);
        Files.writeString(tool, "#!/bin/sh\nDIR=" + dir + "\n" + body);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** {@code script} under the real sh in {@code dir}, with the stand-ins first on the PATH; output and errors merged. */
    public static Process start(Path dir, String script) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        return builder.start();
    }
}
