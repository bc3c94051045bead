package io.tandem.plan;

import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * This machine as the hosts of a tier-2 test: step scripts run by the real {@code sh} as root, with
 * their stdin, on loop devices the test attached; {@code confirmed} is the one device the operator
 * "typed". Never aims at anything but a loop device it made.
 */
record LocalRoot(String host, String confirmed) implements TestRemote {

    @Override
    public ExecResult run(RemoteCommand command, byte[] stdin, Duration timeout, Consumer<String> lines) {
        return sh(command.script(), stdin);
    }

    @Override
    public boolean confirmedDestroy(String device) {
        return device.equals(confirmed);
    }

    static ExecResult sh(String script) {
        return sh(script, new byte[0]);
    }

    static ExecResult sh(String script, byte[] stdin) {
        try {
            Process p = new ProcessBuilder("sh", "-c", script).start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            }
            String out = read(p.getInputStream());
            return new ExecResult(p.waitFor(), out, err.join(), Duration.ZERO);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Attaches a loop device over {@code image} ({@code -P}: the kernel looks for partitions on it) and returns its path. */
    static String attach(Path image) {
        String loop = sh("losetup -P --find --show '" + image + "'").stdout().strip();
        // Never aim a write at anything but the loop device just made.
        assertTrue(loop.matches("/dev/loop[0-9]+"), loop);
        return loop;
    }

    static void detach(String loop) {
        if (loop != null) {
            assertEquals(0, sh("losetup --detach " + loop).exitStatus(), "detach " + loop);
        }
    }

    /**
     * The metadata step's guard, then drbdmeta's own create-md on {@code device} with a minor no DRBD
     * uses (these machines have no DRBD module): what {@link DrbdSteps#createMetadata} runs, without
     * the drbdadm configuration it needs.
     */
    static void createMetadata(String device, String confirmed) throws Exception {
        String script = "d='" + device + "'\n" + DestructiveWrite.guard("", true, "") + "drbdmeta 250 v08 \"$d\" internal create-md </dev/null\n";
        DestructiveWrite.run(new LocalRoot("node1", confirmed), device, script, new StepFailure("not confirmed", ""), RemoteCommand.script("create-md"));
    }

    /** Every step action of {@code step}, on this machine with {@code confirmed} typed. */
    static void apply(Step step, String confirmed) throws Exception {
        for (Action action : step.actions()) {
            action.task().run(new LocalRoot(action.host(), confirmed));
        }
    }
}
