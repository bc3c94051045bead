package io.tandem.plan;

import io.tandem.facts.SbdHeader;
import io.tandem.model.Sbd;
import io.tandem.ssh.ExecResult;
import io.tandem.testing.RealTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;

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
    private Path image;

    @BeforeEach
    void attach() throws Exception {
        RealTools.requireSbdOnLoopDevice();
        RealTools.require("blkid", "wipefs", "mkfs.ext4");
        image = dir.resolve("sbd.img");
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength(16L << 20);
        }
        loop = LocalRoot.attach(image);
    }

    @AfterEach
    void detach() throws Exception {
        LocalRoot.detach(loop);
    }

    static ExecResult run(String script) {
        return LocalRoot.sh(script);
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
        LocalRoot.apply(step, confirmed);
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

    @Test
    void aDiskThatGrewSinceThePlanIsNotWritten() throws Exception {
        Step step = SbdSteps.header(SBD, loop, "node1", "node2", probe());
        // Another disk behind the same path, or the same one resized: the plan's "it holds nothing" was about something else.
        assertEquals(0, run("truncate -s 20M '" + image + "' && losetup -c " + loop).exitStatus());
        StepFailure failure = assertThrows(StepFailure.class, () -> apply(step, ""));
        assertTrue(failure.getMessage().contains(loop + " on node1 is now 20 MiB (20971520 bytes), it was 16 MiB (16777216 bytes) when the plan was made"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("nothing was written"), failure.getMessage());
        assertEquals(1, run("sbd -d " + loop + " dump").exitStatus(), "no header was written");
    }
}
