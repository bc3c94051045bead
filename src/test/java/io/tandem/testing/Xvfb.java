package io.tandem.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A virtual X server for one test, on a display number it picks itself (-displayfd); stopped on close. */
public final class Xvfb implements AutoCloseable {

    private final Process process;
    private final String display;

    private Xvfb(Process process, String display) {
        this.process = process;
        this.display = display;
    }

    public static void require() {
        RealTools.require("Xvfb");
    }

    public static Xvfb start() throws IOException {
        Process process = new ProcessBuilder("Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1024x768x24")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String number = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(20, TimeUnit.SECONDS);
            if (number == null || !number.strip().matches("\\d+")) {
                throw new IOException("Xvfb did not report its display");
            }
            return new Xvfb(process, ":" + number.strip());
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("Xvfb did not start: " + e.getMessage(), e);
        }
    }

    /** The DISPLAY value, e.g. {@code :1}. */
    public String display() {
        return display;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
