package io.tandem.plan;

import io.tandem.facts.SbdHeader;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tandem.plan.PlanFixtures.BLANK_16M;
import static io.tandem.plan.PlanFixtures.local;
import static io.tandem.plan.PlanFixtures.sbdProbeOutput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SBD's steps judged on sbd's real dump output (fixtures/local/sbd_*, captured on loop devices). */
class SbdStepsTest {

    private static final String DISK = "/dev/disk/by-id/virtio-tandem-sbd";
    private final Project project = PlanFixtures.vmLabSbd();
    private final FileSet files = PlanFixtures.render(project);

    private ProbeResults convergedWith(String host, String probe, String output) {
        ProbeResults results = new ProbeResults().putAll(PlanFixtures.converged(project, files));
        results.put(host, probe, new ProbeResults.Output(output, 0));
        return results;
    }

    private List<Step> plan(ProbeResults results) {
        return PlanFixtures.plan(project, results);
    }

    private Step headerStep(ProbeResults results) {
        return plan(results).stream().filter(s -> s.id().equals("sbd-header:" + DISK)).findFirst().orElseThrow(() -> new AssertionError(
                "sbd-header not planned: " + plan(results).stream().map(Step::id).toList()));
    }

    private String headerProbe(String host) {
        return SbdSteps.headerProbe(host, DISK).name();
    }

    @Test
    void theDumpOfAWrittenHeaderIsReadAndABlankOrExt4DiskHasNone() {
        SbdHeader header = SbdHeader.parse(local("sbd_dump.loop_w10_m20.txt")).orElseThrow();
        assertEquals(new SbdHeader(10, 20, 255), header);
        assertTrue(SbdHeader.parse(local("sbd_dump.loop_blank.txt")).isEmpty());
        assertTrue(SbdHeader.parse(local("sbd_dump.loop_ext4.txt")).isEmpty());
        assertEquals("1", local("sbd_dump.loop_blank.rc").strip(), "sbd dump of a disk without a header fails");
        // A dump that exited non-zero is no header, whatever it printed.
        assertTrue(SbdSteps.header(sbdProbeOutput(BLANK_16M, local("sbd_dump.loop_w10_m20.txt"), 1)).isEmpty());
    }

    @Test
    void aBlankSharedDiskGetsItsHeaderWrittenFromThePreferredNodeWithoutConfirmation() {
        Step step = headerStep(convergedWith("node1", headerProbe("node1"), sbdProbeOutput(BLANK_16M, local("sbd_dump.loop_blank.txt"), 1)));
        assertEquals(Phase.DISKS, step.phase());
        assertEquals(List.of("node1", "node2"), step.hosts(), "the preferred node first: apply asks its confirmation there");
        assertTrue(step.destroys().isEmpty());
        assertTrue(step.sentence().contains("(it holds nothing)"), step.sentence());
        Action write = step.actions().getLast();
        assertEquals("node1", write.host());
        assertTrue(write.display().contains("sbd -d " + DISK + " -1 10 -4 20 create"), write.display());
    }

    @Test
    void aHeaderWithOtherTimeoutsIsOverwrittenOnlyAsADestroyingStep() throws Exception {
        Project faster = io.tandem.testing.JsonEdit.of(java.nio.file.Path.of("examples/vm-lab-sbd.tandem.json"))
                .set("$.cluster.stonith.sbd.watchdogTimeout", 6).set("$.cluster.stonith.sbd.msgwaitTimeout", 12).project();
        FileSet fasterFiles = PlanFixtures.render(faster);
        ProbeResults results = PlanFixtures.converged(faster, fasterFiles);
        // converged() answers with the captured 10/20 header (none was captured at 6/12): the project now asks for 6/12.
        List<Step> planned = PlanFixtures.plan(faster, results);
        Step step = planned.stream().filter(s -> s.id().equals("sbd-header:" + DISK)).findFirst().orElseThrow();
        assertEquals(DISK, step.destroys().orElseThrow());
        assertTrue(step.sentence().contains("DESTROYS") && step.sentence().contains("watchdog 10 s and msgwait 20 s"), step.sentence());
    }

    @Test
    void aDiskWithAFilesystemIsDestroyedOnlyWithConfirmation() {
        Step step = headerStep(convergedWith("node1", headerProbe("node1"),
                sbdProbeOutput("TYPE=ext4\n" + BLANK_16M, local("sbd_dump.loop_ext4.txt"), 1)));
        assertEquals(DISK, step.destroys().orElseThrow());
        assertTrue(step.sentence().contains("ext4"), step.sentence());
    }

    @Test
    void thePeerMustReadTheSameHeaderOrThePathNamesAnotherDiskThere() {
        Step step = headerStep(convergedWith("node2", headerProbe("node2"), sbdProbeOutput(BLANK_16M, local("sbd_dump.loop_blank.txt"), 1)));
        assertTrue(step.destroys().isEmpty(), "node1's disk holds the right header: nothing to destroy there");
        assertFalse(plan(convergedWith("node2", headerProbe("node2"), sbdProbeOutput(BLANK_16M, local("sbd_dump.loop_w10_m20.txt"), 0)))
                .stream().anyMatch(s -> s.id().startsWith("sbd-header")));
    }

    @Test
    void sbdIsEnabledBeforeTheStackStartsAndTheStackIsStartedAgainWhenSbdDoesNotRun() {
        List<String> ids = Planner.candidates(project, files, new ProbeResults()).stream().map(Step::id).toList();
        assertTrue(ids.indexOf("sbd-header:" + DISK) < ids.indexOf("drbd-md:r0:node1"));
        for (String node : List.of("node1", "node2")) {
            assertTrue(ids.indexOf("sbd-enable:" + node) < ids.indexOf("cluster-start:" + node), ids.toString());
        }
        assertTrue(plan(convergedWith("node2", "sbd-unit", "sbd disabled\nwatchdog\n")).stream().anyMatch(s -> s.id().equals("sbd-enable:node2")));
        assertTrue(plan(convergedWith("node2", "sbd-unit", "sbd enabled\n")).stream().anyMatch(s -> s.id().equals("sbd-enable:node2")),
                "no watchdog device: not done");
        List<String> planned = plan(convergedWith("node1", "cluster-stack",
                "corosync enabled active\npacemaker enabled active\nsbd enabled inactive\nname vmlab\n")).stream().map(Step::id).toList();
        assertEquals(List.of("cluster-start:node1"), planned);
    }

    @Test
    void sbdProjectsAreNoLongerRefusedAndInstallTheDaemonAndFenceSbd() {
        assertEquals(List.of(), Planner.unsupported(project));
        assertTrue(Packages.forNode(project, project.nodes().getFirst()).containsAll(List.of("sbd", "fence-agents")));
        assertFalse(Planner.candidates(PlanFixtures.vmLab(), PlanFixtures.render(PlanFixtures.vmLab()), new ProbeResults()).stream()
                .anyMatch(s -> s.id().startsWith("sbd-")), "no SBD steps without SBD fencing");
    }
}
