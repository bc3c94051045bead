package io.tandem.plan;

import io.tandem.model.Project;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DRBD 8.4's internal metadata size, and what the plan says about backing devices too small or of different sizes. */
class BackingSizesTest {

    private final Project project = PlanFixtures.vmLab();

    /** md_size_sect that drbdmeta v08 create-md wrote on loop devices of these sizes (8.4 format, 512-byte sectors). */
    @Test
    void internalMetadataIsWhatDrbdmetaMade() {
        assertEquals(80 * 512, BackingSizes.internalMetadataBytes(100L << 20));
        assertEquals(136 * 512, BackingSizes.internalMetadataBytes(1L << 30));
        assertEquals(144 * 512, BackingSizes.internalMetadataBytes((1L << 30) + 4096));
        assertEquals(712 * 512, BackingSizes.internalMetadataBytes(10L << 30));
    }

    private ProbeResults sizes(long node1r0, long node2r0) {
        ProbeResults r = new ProbeResults();
        var r0 = project.replication().resources().getFirst();
        for (var b : r0.backing()) {
            long size = b.node().equals("node1") ? node1r0 : node2r0;
            r.put(b.node(), DrbdSteps.deviceProbe(b.node(), b.disk()).name(), new ProbeResults.Output("SIZE=" + size + "\n", 0));
        }
        return r;
    }

    @Test
    void aDeviceWithoutRoomForMetadataAndAMebibyteOfDataIsRefusedNamingTheField() {
        List<String> refusals = BackingSizes.refusals(project, sizes(1L << 20, 1L << 30));
        assertEquals(1, refusals.size(), refusals.toString());
        String r = refusals.getFirst();
        assertTrue(r.startsWith("replication.resources[r0].backing[node1]: "), r);
        assertTrue(r.contains("is too small for DRBD") && r.contains("40 KiB") && r.contains("Choose a bigger device"), r);
        assertEquals(List.of(), BackingSizes.refusals(project, sizes((1L << 20) + 40 * 1024, 1L << 30)), "1 MiB + its metadata fits");
        assertEquals(List.of(), BackingSizes.refusals(project, new ProbeResults()), "nothing seen, nothing judged");
    }

    @Test
    void sidesDifferingByMoreThanOnePercentGetANoteNotARefusal() {
        ProbeResults different = sizes(10L << 30, 12L << 30);
        assertEquals(List.of(), BackingSizes.refusals(project, different));
        List<String> notes = BackingSizes.notes(project, different);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.getFirst().contains("DRBD uses the smaller, so 2.0 GiB of node2's"), notes.getFirst());
        assertEquals(List.of(), BackingSizes.notes(project, sizes(1000L << 20, 995L << 20)), "0.5 % apart");
    }
}
