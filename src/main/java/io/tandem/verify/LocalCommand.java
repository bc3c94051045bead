package io.tandem.verify;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a local program (never through a shell), with a timeout, capturing stdout and stderr apart. */
public final class LocalCommand {

    /** What a finished program returned. */
    public record Output(int exitCode, String stdout, String stderr) {

        public boolean ok() {
            return exitCode == 0;
        }
    }

    private LocalCommand() {
    }

    public static Output run(List<String> command, Map<String, String> environment, Path directory, Duration timeout)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.getFirst() + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Output(process.exitValue(), stdout.join(), stderr.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.getFirst(), e);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    /** The first executable among {@code candidates} (absolute paths, or names looked up on PATH). */
    public static java.util.Optional<Path> find(String... candidates) {
        return findOnPath(System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), File.pathSeparator, candidates);
    }

    /**
     * {@link #find(String...)} on {@code pathVariable}, its folders separated by {@code separator}.
     * The desktop app asks this on Windows too (is crm_simulate there, for the failover preview?),
     * where PATH is separated by ';', holds drive letters and may quote a folder: an entry that is
     * no valid path there is skipped, so the answer is "not found", never an exception.
     */
    static java.util.Optional<Path> findOnPath(String pathVariable, String separator, String... candidates) {
        List<String> dirs = new java.util.ArrayList<>(List.of(pathVariable.split(java.util.regex.Pattern.quote(separator))));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin"));
        for (String candidate : candidates) {
            if (candidate.startsWith("/")) {
                if (Files.isExecutable(Path.of(candidate))) {
                    return java.util.Optional.of(Path.of(candidate));
                }
                continue;
            }
            for (String dir : dirs) {
                Path path;
                try {
                    path = Path.of(dir, candidate);
                } catch (InvalidPathException notAFolderHere) {
                    continue;
                }
                if (Files.isExecutable(path)) {
                    return java.util.Optional.of(path);
                }
            }
        }
        return java.util.Optional.empty();
    }
}
