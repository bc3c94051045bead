package io.tandem.plan;

import io.tandem.facts.SbdHeader;
import io.tandem.model.Sbd;
import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.testing.RealTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tier 2: the SBD header step's own probe and action scripts, run by the real {@code sh}, {@code sbd},
 * {@code blkid} and {@code wipefs} as root on a loop device over a 16 MiB file. Both "nodes" are
 * this machine (the loop device is the shared disk); systemd is not PID 1 here, so sbd is not running.
 */
class SbdStepsOnLoopDeviceTest {

    private static final Sbd SBD = new Sbd(List.of("/dev/disk/by-id/unused"), "softdog", 10, 20);

    @TempDir
    Path dir;
    private String loop;

    @BeforeEach
    void attach() throws Exception {
        RealTools.requireSbdOnLoopDevice();
        RealTools.require("blkid", "wipefs", "mkfs.ext4");
        Path image = dir.resolve("sbd.img");
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength(16L << 20);
        }
        loop = run("losetup --find --show '" + image + "'").stdout().strip();
        // Never aim a write at anything but the loop device just made.
        assertTrue(loop.matches("/dev/loop[0-9]+"), loop);
    }

    @AfterEach
    void detach() throws Exception {
        if (loop != null) {
            run("losetup --detach " + loop);
        }
    }

    /** This machine as both nodes: commands run as root by sh; the operator confirmed {@code confirmed}. */
    private record LocalRemote(String host, String confirmed) implements Remote {
        @Override
        public ExecResult run(RemoteCommand command, byte[] stdin, Duration timeout, Consumer<String> lines) {
            return SbdStepsOnLoopDeviceTest.run(command.script());
        }

        @Override
        public String runStamp() {
            return "20261201T120000Z";
        }

        @Override
        public boolean confirmedDestroy(String device) {
            return device.equals(confirmed);
        }

        @Override
        public void changeNetwork(NetworkChange change) {
            throw new UnsupportedOperationException();
        }
    }

    static ExecResult run(String script) {
        try {
            Process p = new ProcessBuilder("sh", "-c", script).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            return new ExecResult(p.waitFor(), out, err, Duration.ZERO);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProbeResults probe() {
        ProbeResults results = new ProbeResults();
        for (String node : List.of("node1", "node2")) {
            Probe probe = SbdSteps.headerProbe(node, loop);
            ExecResult r = run(probe.script());
            results.put(node, probe.name(), new ProbeResults.Output(r.stdout(), r.exitStatus()));
        }
        return results;
    }

    private void apply(Step step, String confirmed) throws Exception {
        for (Action action : step.actions()) {
            action.task().run(new LocalRemote(action.host(), confirmed));
        }
    }

    @Test
    void aBlankDiskGetsTheProjectsHeaderAndTheCheckThenHolds() throws Exception {
        ProbeResults before = probe();
        Step step = SbdSteps.header(SBD, loop, "node1", "node2", before);
        assertFalse(step.check().done(before));
        assertTrue(step.destroys().isEmpty(), step.sentence());
        assertEquals(List.of(), SbdSteps.device(before.text(SbdSteps.headerProbe("node1", loop)).orElseThrow()).orElseThrow().signatures());

        apply(step, "");
        ProbeResults after = probe();
        assertTrue(step.check().done(after));
        assertEquals(new SbdHeader(10, 20, 255), SbdSteps.header(after.text(SbdSteps.headerProbe("node1", loop)).orElseThrow()).orElseThrow());

        // Run again (a resumed apply): nothing is written, the header stays (same UUID).
        String uuid = run("sbd -d " + loop + " dump").stdout().lines().filter(l -> l.startsWith("UUID")).findFirst().orElseThrow();
        apply(SbdSteps.header(SBD, loop, "node1", "node2", after), "");
        assertTrue(run("sbd -d " + loop + " dump").stdout().contains(uuid));
    }

    @Test
    void aDiskWithAnExt4SignatureIsRefusedWithoutConfirmationAndRewrittenWithIt() throws Exception {
        assertEquals(0, run("mkfs.ext4 -q -F " + loop).exitStatus());
        ProbeResults before = probe();
        Step step = SbdSteps.header(SBD, loop, "node1", "node2", before);
        assertEquals(loop, step.destroys().orElseThrow());
        assertTrue(step.sentence().contains("ext4"), step.sentence());

        // Planned before the filesystem appeared (a plan on a blank disk): the action itself refuses.
        Step stale = SbdSteps.header(SBD, loop, "node1", "node2", new ProbeResults());
        StepFailure refused = assertThrows(StepFailure.class, () -> apply(stale, ""));
        assertTrue(refused.getMessage().contains("holds data now"), refused.getMessage());
        assertTrue(run("blkid -p -o export " + loop).stdout().contains("TYPE=ext4"), "nothing was written");

        apply(step, loop);
        assertTrue(step.check().done(probe()));
        assertEquals("", run("blkid -c /dev/null -p -o export " + loop).stdout().strip(), "the ext4 signature is gone");
    }

    @Test
    void aHeaderWithOtherTimeoutsIsRefusedWithoutConfirmation() throws Exception {
        assertEquals(0, run("sbd -d " + loop + " -1 5 -4 10 create").exitStatus());
        ProbeResults before = probe();
        Step step = SbdSteps.header(SBD, loop, "node1", "node2", before);
        assertEquals(loop, step.destroys().orElseThrow());
        assertTrue(step.sentence().contains("watchdog 5 s and msgwait 10 s"), step.sentence());
        StepFailure refused = assertThrows(StepFailure.class, () -> apply(SbdSteps.header(SBD, loop, "node1", "node2", new ProbeResults()), ""));
        assertTrue(refused.getMessage().contains("holds data now"), refused.getMessage());
        assertEquals(new SbdHeader(5, 10, 255), SbdHeader.parse(run("sbd -d " + loop + " dump").stdout()).orElseThrow());

        apply(step, loop);
        assertEquals(new SbdHeader(10, 20, 255), SbdHeader.parse(run("sbd -d " + loop + " dump").stdout()).orElseThrow());
    }
}
