package io.tandem.plan;

import io.tandem.model.Backing;
import io.tandem.model.DiskLayout;
import io.tandem.model.DrbdResource;
import io.tandem.model.ResourcePurpose;
import io.tandem.render.modern.PartitionTableRenderer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tandem.plan.PlanFixtures.gptProbeOutput;
import static io.tandem.plan.PlanFixtures.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The partition-table step's check on {@code sfdisk -J} captured from the real sfdisk (fixtures/local/README.md), done and not done. */
class PartitionStepsTest {

    private static final Backing BACKING = new Backing("node1", "/dev/vdb", Backing.INTERNAL, null, DiskLayout.GPT_PARTITION);

    private static DrbdResource resource(String name) {
        return new DrbdResource(name, 0, 7788, ResourcePurpose.LUN, null, List.of(BACKING));
    }

    private static Step step(String resource, String probeOutput) {
        DrbdResource r = resource(resource);
        ProbeResults probed = new ProbeResults().put("node1", PartitionSteps.tableProbe(BACKING).name(), new ProbeResults.Output(probeOutput, 0));
        return PartitionSteps.table(r, BACKING, PartitionTableRenderer.script(r, BACKING), probed);
    }

    private static boolean done(String resource, String probeOutput) {
        Step step = step(resource, probeOutput);
        return step.check().done(new ProbeResults().put("node1", PartitionSteps.tableProbe(BACKING).name(), new ProbeResults.Output(probeOutput, 0)));
    }

    @Test
    void theTableSfdiskWroteFromTheRenderedScriptIsDoneOnceThePartitionsDeviceExists() {
        String written = local("sfdisk_J.loop_gpt_tandem_r0.txt");
        assertTrue(done("r0", gptProbeOutput(written, true)));
        assertFalse(done("r0", gptProbeOutput(written, false)), "no partition device yet (udev, or a kernel without the GPT parser)");
    }

    @Test
    void anotherResourcesNameAnotherTypeStartOrEndIsNotDone() {
        String written = local("sfdisk_J.loop_gpt_tandem_r0.txt");
        assertFalse(done("r1", gptProbeOutput(written, true)), "named tandem-r0, not tandem-r1");
        SfdiskScript r0 = SfdiskScript.parse(PartitionTableRenderer.script(resource("r0"), BACKING));
        assertEquals(List.of("partition 1 is named \"tandem-r0\", not \"tandem-r1\""),
                PartitionSteps.differences(gptProbeOutput(written, true), SfdiskScript.parse(PartitionTableRenderer.script(resource("r1"), BACKING)), BACKING));
        assertEquals(List.of("partition 1 has type 0FC63DAF-8483-4772-8E79-3D69D8477DE5, not " + SfdiskScript.LINUX_GUID),
                PartitionSteps.differences(gptProbeOutput(written.replace("3D69D8477DE4", "3D69D8477DE5"), true), r0, BACKING));
        assertFalse(done("r0", gptProbeOutput(written.replace("\"start\": 2048", "\"start\": 4096"), true)));
        // The disk grew after partitioning: the partition no longer reaches its end.
        assertFalse(done("r0", gptProbeOutput(written.replace("\"lastlba\": 131038", "\"lastlba\": 200000"), true)));
    }

    @Test
    void aDosTableOrNoTableIsNotDoneAndADiskHoldingATableIsDestroyedWithItsConfirmation() {
        assertFalse(done("r0", gptProbeOutput(local("sfdisk_J.loop_dos_two.txt"), true)));
        Step dos = step("r0", "PTTYPE=dos\nSIZE=67108864\n" + PartitionSteps.TABLE_MARK + "\n" + local("sfdisk_J.loop_dos_two.txt")
                + PartitionSteps.PARTITION_MARK + "\npresent\n");
        assertEquals("/dev/vdb", dos.destroys().orElseThrow());
        assertTrue(dos.sentence().contains("DESTROYS") && dos.sentence().contains("partition table dos"), dos.sentence());
        // What the disk held may reach past the table into the partition, with no signature sfdisk wipes: its start is zeroed.
        assertTrue(dos.actions().getFirst().display().contains("zero the first 128 KiB of /dev/vdb1"), dos.actions().getFirst().display());

        String blank = "SIZE=67108864\n" + PartitionSteps.TABLE_MARK + "\n" + local("sfdisk_J.loop_blank.txt") + PartitionSteps.PARTITION_MARK + "\n";
        assertFalse(done("r0", blank));
        Step fresh = step("r0", blank);
        assertTrue(fresh.destroys().isEmpty());
        assertFalse(fresh.actions().getFirst().display().contains("zero the first"), "nothing was confirmed: " + fresh.actions().getFirst().display());
        assertTrue(fresh.sentence().contains("/dev/vdb") && fresh.sentence().contains("tandem-r0") && fresh.sentence().contains("/dev/vdb1"), fresh.sentence());
        assertFalse(done("r0", "NODEV\n" + PartitionSteps.TABLE_MARK + "\n" + PartitionSteps.PARTITION_MARK + "\n"));
    }
}
