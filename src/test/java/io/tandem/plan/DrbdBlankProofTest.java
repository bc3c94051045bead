package io.tandem.plan;

import io.tandem.model.DrbdResource;
import io.tandem.model.Project;
import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.testing.RealTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The blank proof that lets apply skip DRBD's initial sync: the proof's own script run by the real
 * {@code sh} and {@code cmp} on image files (the sysfs size and the marker path pointed into a temp
 * folder), its probe on both answers, and the sync step's choice between clearing the bitmap and a
 * full sync on a scripted node.
 */
class DrbdBlankProofTest {

    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    private final Project project = PlanFixtures.vmLab();
    private final DrbdResource r0 = project.replication().resources().getFirst();

    /** This machine as the node, with the node's sysfs size and /run marker folder moved into the temp folder. */
    private Remote local(Path image, long exportedSectors) throws Exception {
        Path size = dir.resolve("size");
        Files.writeString(size, exportedSectors + "\n");
        return new TestRemote() {
            @Override
            public String host() {
                return "node1";
            }

            @Override
            public ExecResult run(RemoteCommand command, byte[] stdin, Duration timeout, Consumer<String> lines) {
                String script = command.script().replace("/sys/block/drbd0/size", size.toString())
                        .replace("/run/tandem/drbd-blank/", dir.resolve("run") + "/").replace("/dev/vdb", image.toString());
                assertFalse(script.contains("/dev/vdb") || script.contains("/run/tandem"), "only the temp folder is touched: " + script);
                return SbdStepsOnLoopDeviceTest.run(script);
            }
        };
    }

    private Path image(long bytes) throws Exception {
        Path image = dir.resolve("disk.img");
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength(bytes);
        }
        return image;
    }

    private static void poke(Path image, long offset) throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.seek(offset);
            file.write(1);
        }
    }

    private String prove(Path image, long exportedSectors) throws Exception {
        Step step = DrbdSteps.proveBlank(r0, r0.backingOn("node1").orElseThrow());
        Remote remote = local(image, exportedSectors);
        step.actions().getFirst().task().run(remote);
        String probe = step.check().probes().getFirst().script().replace("/run/tandem/drbd-blank/", dir.resolve("run") + "/");
        String out = SbdStepsOnLoopDeviceTest.run(probe).stdout();
        ProbeResults results = new ProbeResults().put("node1", step.check().probes().getFirst().name(), new ProbeResults.Output(out, 0));
        assertTrue(step.check().done(results), "once read, the proof step is done: " + out);
        return Files.readString(dir.resolve("run/r0")).strip();
    }

    @Test
    void zerosOverTheExportedSizeAreBlankAndOneByteInsideItIsData() throws Exception {
        RealTools.require("cmp");
        Path image = image(9 * MIB);
        // The last MiB stands for internal metadata: DRBD exports 8 MiB, and what lies beyond is not read.
        poke(image, 8 * MIB + 4096);
        assertEquals("blank " + 8 * MIB, prove(image, 8 * MIB / 512));
        poke(image, 8 * MIB - 1);
        assertEquals("data", prove(image, 8 * MIB / 512));
        poke(image, 0);
        assertEquals("data", prove(image, 8 * MIB / 512));
    }

    @Test
    void aResourceNotAttachedHasNoSizeAndTheProofFailsWithoutAMarker() throws Exception {
        RealTools.require("cmp");
        Path image = image(MIB);
        Step step = DrbdSteps.proveBlank(r0, r0.backingOn("node1").orElseThrow());
        StepFailure failure = org.junit.jupiter.api.Assertions.assertThrows(StepFailure.class,
                () -> step.actions().getFirst().task().run(local(image, 0)));
        assertTrue((failure.getMessage() + failure.detail()).contains("not attached"), failure.getMessage() + failure.detail());
        assertFalse(Files.exists(dir.resolve("run/r0")));
    }

    @Test
    void withoutAProofTheProbeFallsBackToProcDrbd() {
        Step step = DrbdSteps.proveBlank(r0, r0.backingOn("node2").orElseThrow());
        Probe probe = step.check().probes().getFirst();
        assertFalse(step.check().done(new ProbeResults().put("node2", probe.name(),
                new ProbeResults.Output(PlanFixtures.vmlab("node2.syncing.proc_drbd.txt"), 0))), "an Inconsistent disk needs its proof");
        assertTrue(step.check().done(new ProbeResults().put("node2", probe.name(),
                new ProbeResults.Output(PlanFixtures.vmlab("node2.connected.proc_drbd.txt"), 0))), "an UpToDate disk needs none");
        assertFalse(step.check().done(new ProbeResults().put("node2", probe.name(), new ProbeResults.Output("", 0))), "DRBD not loaded yet");
    }

    /** What {@code drbdadm get-gi} prints for a resource whose metadata create-md just made, and after a first sync. */
    private static final String FRESH_GI = "0000000000000004:0000000000000000:0000000000000000:0000000000000000:0:0:0:0:0:0:0:0\n";
    private static final String USED_GI = "A1B2C3D4E5F60718:0000000000000000:0000000000000004:0000000000000000:1:1:1:0:0:0:0:0\n";

    private static String proof(String marker, String gi) {
        return marker + "\n" + gi;
    }

    @Test
    void theSyncIsSkippedOnlyWhenBothProofsCoverWhatDrbdExportsOnFreshMetadata() {
        long gib = 1L << 30;
        String blank = proof("blank " + gib, FRESH_GI);
        assertTrue(DrbdSteps.bothBlank(blank, blank, gib));
        assertTrue(DrbdSteps.bothBlank(proof("blank " + (gib + 4096), FRESH_GI), blank, gib), "a proof made before connecting covers the larger local size");
        assertFalse(DrbdSteps.bothBlank(blank, proof("data", FRESH_GI), gib));
        assertFalse(DrbdSteps.bothBlank(blank, proof("", FRESH_GI), gib), "the peer made no proof");
        assertFalse(DrbdSteps.bothBlank(proof("blank " + (gib - 512), FRESH_GI), blank, gib), "a proof over less than DRBD exports proves nothing");
        assertFalse(DrbdSteps.bothBlank(proof("blank -1", FRESH_GI), blank, gib));
        assertFalse(DrbdSteps.bothBlank(blank, blank, 0));
        assertFalse(DrbdSteps.bothBlank(blank, proof("blank " + gib, USED_GI), gib),
                "a proof kept from an earlier build of the resource: DRBD has held data since, whatever the marker says");
        assertFalse(DrbdSteps.bothBlank(blank, "blank " + gib + "\n", gib), "no generation read: no skip");
    }

    @Test
    void theGenerationDrbdmetaWritesOnCreateMdIsTheFreshOneTheSkipNeeds() throws Exception {
        RealTools.require("losetup", "drbdmeta");
        Path image = image(16L << 20);
        String loop = LocalRoot.attach(image);
        try {
            // drbdsetup get-gi of an attached device prints the same line (drbd-utils' one printer for both).
            LocalRoot.sh("drbdmeta --force 251 v08 " + loop + " internal create-md </dev/null");
            String gi = LocalRoot.sh("drbdmeta 251 v08 " + loop + " internal get-gi").stdout();
            long bytes = 8L << 20;
            assertTrue(DrbdSteps.bothBlank(proof("blank " + bytes, gi), proof("blank " + bytes, gi), bytes), gi);
        } finally {
            LocalRoot.detach(loop);
        }
    }

    /** Answers the sync step's commands as two connected, Inconsistent nodes would; records what it was asked to run. */
    private static final class ScriptedNode implements TestRemote {
        private final String host;
        private final String proof;
        private final List<String> ran = new ArrayList<>();
        private boolean synced;

        ScriptedNode(String host, String proof) {
            this.host = host;
            this.proof = proof;
        }

        @Override
        public String host() {
            return host;
        }

        @Override
        public ExecResult run(RemoteCommand command, byte[] stdin, Duration timeout, Consumer<String> lines) {
            String s = command.script();
            ran.add(s);
            if (s.contains("new-current-uuid") || s.contains("secondary")) {
                synced = true;
            }
            String out = s.contains("/proc/drbd") ? PlanFixtures.vmlab("node1.connected.proc_drbd.txt")
                    .replace("UpToDate/UpToDate", synced ? "UpToDate/UpToDate" : "Inconsistent/Inconsistent")
                    : s.contains("/sys/block/drbd0/size") ? "2097016\n" : s.contains("drbd-blank") ? proof + "\n" + FRESH_GI : "";
            return new ExecResult(0, out, "", Duration.ZERO);
        }
    }

    private List<String> sync(boolean skip, String firstProof, String secondProof) throws Exception {
        Step step = DrbdSteps.initialSync(r0, "node1", "node2", skip, new ProbeResults());
        ScriptedNode node1 = new ScriptedNode("node1", firstProof);
        ScriptedNode node2 = new ScriptedNode("node2", secondProof);
        for (Action action : step.actions()) {
            action.task().run(action.host().equals("node1") ? node1 : node2);
        }
        return node1.ran;
    }

    @Test
    void twoBlankProofsClearTheBitmapAndOneDataProofOrAFullSyncProjectRunsTheFullSync() throws Exception {
        String blank = "blank " + 2097016L * 512;
        List<String> skipped = sync(true, blank, blank);
        assertTrue(skipped.stream().anyMatch(c -> c.contains("new-current-uuid") && c.contains("--clear-bitmap")), skipped.toString());
        assertFalse(skipped.stream().anyMatch(c -> c.contains("--force")), skipped.toString());

        List<String> full = sync(true, blank, "data");
        assertTrue(full.stream().anyMatch(c -> c.contains("primary") && c.contains("--force")), full.toString());
        assertFalse(full.stream().anyMatch(c -> c.contains("new-current-uuid")), full.toString());

        List<String> asked = sync(false, blank, blank);
        assertTrue(asked.stream().anyMatch(c -> c.contains("primary") && c.contains("--force")), "a project asking for a full sync gets one: " + asked);
        assertFalse(asked.stream().anyMatch(c -> c.contains("drbd-blank") || c.contains("new-current-uuid")), "and no proof is read: " + asked);
    }
}
