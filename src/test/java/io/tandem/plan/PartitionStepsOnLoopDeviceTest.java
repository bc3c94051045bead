package io.tandem.plan;

import io.tandem.facts.PartitionTable;
import io.tandem.facts.SfdiskParser;
import io.tandem.model.Backing;
import io.tandem.model.DiskLayout;
import io.tandem.model.DrbdResource;
import io.tandem.model.ResourcePurpose;
import io.tandem.render.modern.PartitionTableRenderer;
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
 * Tier 2: the GPT layout's partition-table step, its probe and write script run by the real
 * {@code sh}, {@code sfdisk}, {@code blkid}, {@code wipefs}, {@code lsblk} and {@code partx} as root
 * on a loop device with partition scanning ({@code losetup -P}) over a 64 MiB sparse file; and the
 * size guard of the DRBD metadata step on the same device.
 */
class PartitionStepsOnLoopDeviceTest {

    @TempDir
    Path dir;
    private Path image;
    private String loop;
    private Backing backing;
    private DrbdResource resource;
    private String script;

    @BeforeEach
    void attach() throws Exception {
        RealTools.requireRoot("the partition-table check attaches a loop device");
        RealTools.require("losetup", "sfdisk", "partx", "lsblk", "blkid", "wipefs", "blockdev", "mkfs.ext4", "sha256sum");
        image = dir.resolve("disk.img");
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength(64L << 20);
        }
        loop = LocalRoot.attach(image);
        backing = new Backing("node1", loop, Backing.INTERNAL, null, DiskLayout.GPT_PARTITION);
        resource = new DrbdResource("r0", 0, 7788, ResourcePurpose.LUN, null, List.of(backing));
        script = PartitionTableRenderer.script(resource, backing);
    }

    @AfterEach
    void detach() {
        LocalRoot.detach(loop);
    }

    private ProbeResults probe() {
        Probe probe = PartitionSteps.tableProbe(backing);
        ExecResult r = LocalRoot.sh(probe.script());
        return new ProbeResults().put("node1", probe.name(), new ProbeResults.Output(r.stdout(), r.exitStatus()));
    }

    private Step step(ProbeResults probed) {
        return PartitionSteps.table(resource, backing, script, probed);
    }

    /** The whole device's bytes, to prove a refused step wrote nothing. */
    private String bytes() {
        return LocalRoot.sh("sha256sum < " + loop).stdout();
    }

    @Test
    void aBlankDiskGetsTheTableItsPartitionAppearsAndASecondCheckSaysDone() throws Exception {
        ProbeResults before = probe();
        Step step = step(before);
        assertFalse(step.check().done(before));
        assertTrue(step.destroys().isEmpty(), step.sentence());
        assertTrue(step.sentence().contains("it holds nothing"), step.sentence());

        LocalRoot.apply(step, "");

        assertEquals(loop + "p1", backing.drbdDisk());
        assertEquals(0, LocalRoot.sh("[ -b " + backing.drbdDisk() + " ]").exitStatus(), "the partition's device appeared");
        assertTrue(step.check().done(probe()), "a second check finds it done");
        PartitionTable table = SfdiskParser.parse(LocalRoot.sh("sfdisk -J " + loop).stdout());
        assertEquals("tandem-r0", table.partitions().getFirst().name());
        // 1 MiB in front, the end aligned down to 1 MiB before the backup GPT: 62 MiB of 64.
        assertEquals(String.valueOf(62L << 20), LocalRoot.sh("blockdev --getsize64 " + backing.drbdDisk()).stdout().strip());

        // The metadata step on a partition the table step has just made needs no confirmation and compares no size.
        Step md = DrbdSteps.createMetadata(resource, backing, new ProbeResults(), true, java.util.Optional.empty());
        assertTrue(md.destroys().isEmpty());
        assertFalse(md.actions().getFirst().display().contains("is still"), md.actions().getFirst().display());
        // Nor does its guard find data there: blkid prints the table's PART_ENTRY_* lines for any partition, which are no signature.
        RealTools.require("drbdmeta");
        assertEquals(List.of(), partitionState().inUse());
        LocalRoot.createMetadata(backing.drbdDisk(), "");
        assertTrue(partitionState().hasDrbdMetadata());
    }

    @Test
    void aDiskWithAnExt4SignatureIsRefusedWithoutConfirmationNothingWrittenAndRewrittenWithIt() throws Exception {
        assertEquals(0, LocalRoot.sh("mkfs.ext4 -q -F " + loop).exitStatus());
        ProbeResults before = probe();
        Step step = step(before);
        assertEquals(loop, step.destroys().orElseThrow());
        assertTrue(step.sentence().contains("DESTROYS") && step.sentence().contains("ext4"), step.sentence());
        String original = bytes();

        // The plan's step without the operator's confirmation: the script's own check refuses (exit 4).
        StepFailure refused = assertThrows(StepFailure.class, () -> LocalRoot.apply(step, ""));
        assertTrue(refused.getMessage().contains("holds data now") && refused.getMessage().contains("nothing was written"), refused.getMessage());
        // Planned while the disk was blank (the filesystem came after the plan): refused as well.
        assertThrows(StepFailure.class, () -> LocalRoot.apply(step(new ProbeResults()), ""));
        assertEquals(original, bytes(), "not one byte changed");

        LocalRoot.apply(step, loop);
        assertTrue(step.check().done(probe()));
        assertEquals(List.of(), partitionSignatures());
    }

    private List<String> partitionSignatures() {
        return partitionState().signatures();
    }

    /**
     * The usual disk taken over: an old partition at 1 MiB with a filesystem. The new partition starts
     * where the old one did, so without sfdisk's --wipe-partitions the filesystem's signature would be
     * found in it and the DRBD metadata step would refuse the partition the operator just let Tandem make.
     */
    @Test
    void anOldPartitionsFilesystemDoesNotSurviveInTheNewPartition() throws Exception {
        ExecResult old = LocalRoot.sh("printf 'label: dos\\nstart=1MiB, type=83\\n' | sfdisk -q " + loop + " && partx -u " + loop
                + "; mkfs.ext4 -q -F " + loop + "p1");
        assertEquals(0, old.exitStatus(), old.stderr());
        Step step = step(probe());
        assertEquals(loop, step.destroys().orElseThrow());
        assertTrue(step.sentence().contains("partition table dos"), step.sentence());

        LocalRoot.apply(step, loop);
        assertTrue(step.check().done(probe()));
        assertEquals(List.of(), partitionSignatures(), "the old ext4 was wiped from the new partition's range");
    }

    /**
     * The VM lab's seeded disk: data without a signature over its first 2 MiB, so past the 1 MiB the GPT
     * keeps in front and into the new partition, where sfdisk's --wipe-partitions finds nothing to wipe.
     * The operator confirmed destroying the disk, so the partition's start is zeroed and the metadata
     * step takes it without asking again; the rest of the old data stays (the blank proof sees it).
     */
    @Test
    void aConfirmedDisksDataReachingIntoThePartitionIsZeroedWhereDrbdmetaLooks() throws Exception {
        RealTools.require("drbdmeta", "cmp");
        seed(0, 2 << 20);
        Step step = step(probe());
        assertEquals(loop, step.destroys().orElseThrow());
        assertTrue(step.sentence().contains("unrecognised data"), step.sentence());
        assertTrue(step.actions().getFirst().display().contains("zero the first 128 KiB of " + backing.drbdDisk()), step.actions().getFirst().display());

        LocalRoot.apply(step, loop);

        assertTrue(step.check().done(probe()));
        String partition = backing.drbdDisk();
        assertEquals(List.of(), partitionState().inUse(), "the metadata step's own check finds nothing in the new partition");
        assertEquals("Z", LocalRoot.sh("dd if=" + partition + " bs=1 skip=131072 count=1 status=none").stdout(),
                "only the window drbdmeta and blkid read was zeroed: the rest of the old data is still there");
        LocalRoot.createMetadata(partition, "");
        assertTrue(partitionState().hasDrbdMetadata(), "drbdmeta made the metadata without a further confirmation");
    }

    /**
     * A disk whose start held nothing (so no confirmation was asked) but with data further in, where
     * the partition begins: nobody confirmed that data, so it is not zeroed — not even when the disk
     * was typed anyway — and the metadata step refuses the partition, naming it.
     */
    @Test
    void dataFurtherInOnADiskThatHeldNothingIsNotZeroedAndTheMetadataStepNamesThePartition() throws Exception {
        seed(1 << 20, 1 << 20);
        Step step = step(probe());
        assertTrue(step.destroys().isEmpty(), step.sentence());
        assertFalse(step.actions().getFirst().display().contains("zero the first"), step.actions().getFirst().display());

        LocalRoot.apply(step, loop);

        String partition = backing.drbdDisk();
        assertEquals("Z", LocalRoot.sh("dd if=" + partition + " bs=1 count=1 status=none").stdout(), "the partition's start was left as it was");
        assertTrue(partitionState().inUse().stream().anyMatch(r -> r.contains("unrecognised data")), partitionState().inUse().toString());
        Step md = DrbdSteps.createMetadata(resource, backing, new ProbeResults(), true, java.util.Optional.empty());
        StepFailure refused = assertThrows(StepFailure.class, () -> LocalRoot.apply(md, loop));
        assertTrue(refused.getMessage().startsWith(partition + " on node1 holds data") && refused.getMessage().contains("nothing was written"),
                refused.getMessage());
        assertTrue(refused.detail().contains("--confirm-destroy node1:" + partition), refused.detail());
    }

    /** {@code length} bytes of 'Z' (no signature any tool knows) at {@code offset} of the disk. */
    private void seed(long offset, int length) throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.seek(offset);
            file.write("Z".repeat(length).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        // The loop device caches nothing of a file written beside it, but drop its buffers to be sure.
        assertEquals(0, LocalRoot.sh("blockdev --flushbufs " + loop).exitStatus());
    }

    private DeviceState partitionState() {
        return DeviceState.parse(LocalRoot.sh(DeviceState.probe(io.tandem.text.ShellQuote.quote(backing.drbdDisk()))).stdout()).orElseThrow();
    }

    @Test
    void aDiskThatGrewSinceThePlanIsNotPartitioned() throws Exception {
        Step step = step(probe());
        String original = bytes();
        assertEquals(0, LocalRoot.sh("truncate -s 80M '" + image + "' && losetup -c " + loop).exitStatus());
        StepFailure failure = assertThrows(StepFailure.class, () -> LocalRoot.apply(step, loop));
        assertTrue(failure.getMessage().contains(loop + " on node1 is now 80 MiB (83886080 bytes), it was 64 MiB (67108864 bytes) when the plan was made"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("nothing was written"), failure.getMessage());
        assertTrue(failure.detail().contains("run tandem plan again"), failure.detail());
        assertEquals(original, LocalRoot.sh("head -c 67108864 " + loop + " | sha256sum").stdout(), "not one byte changed");
    }

    @Test
    void theMetadataStepStopsOnADeviceThatShrankSinceThePlan() throws Exception {
        Backing whole = new Backing("node1", loop, Backing.INTERNAL, null, DiskLayout.WHOLE_DEVICE);
        Probe probe = DrbdSteps.deviceProbe("node1", loop);
        ProbeResults probed = new ProbeResults().put("node1", probe.name(), new ProbeResults.Output(LocalRoot.sh(probe.script()).stdout(), 0));
        Step md = DrbdSteps.createMetadata(new DrbdResource("r0", 0, 7788, ResourcePurpose.LUN, null, List.of(whole)), whole, probed, false, java.util.Optional.empty());
        assertEquals(0, LocalRoot.sh("truncate -s 32M '" + image + "' && losetup -c " + loop).exitStatus());
        StepFailure failure = assertThrows(StepFailure.class, () -> LocalRoot.apply(md, ""));
        assertTrue(failure.getMessage().startsWith(loop + " on node1 is now 32 MiB (33554432 bytes), it was 64 MiB"), failure.getMessage());
    }
}
