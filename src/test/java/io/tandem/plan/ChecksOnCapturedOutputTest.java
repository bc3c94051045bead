package io.tandem.plan;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tandem.plan.PlanFixtures.vmlab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each kind of check on output captured from the real tools in the VM lab, in a state where it is done and one where it is not. */
class ChecksOnCapturedOutputTest {

    private final Project project = PlanFixtures.vmLab();
    private final FileSet files = PlanFixtures.render(project);

    private List<String> plannedWith(String host, String probe, String output) {
        ProbeResults results = new ProbeResults().putAll(PlanFixtures.converged(project, files));
        results.put(host, probe, new ProbeResults.Output(output, 0));
        return PlanFixtures.plan(project, results).stream().map(Step::id).toList();
    }

    @Test
    void packagesOnANodeInstalledByHandAreMissingOnlyWhatTandemAddsAndAFreshNodeMissesAll() {
        List<String> wanted = Packages.forNode(project, project.nodes().getFirst());
        List<String> missing = PackageStep.missing(wanted, vmlab("node1.installed.dpkg_query_W.txt"));
        assertFalse(missing.contains("pacemaker"));
        assertFalse(missing.contains("drbd-utils"));
        // The dpkg section of discovery on a fresh lab VM: the same command and format as the probe's.
        String fresh = io.tandem.discovery.FactScript.parse(vmlab("node1.fresh.discovery_facts.txt"), "fixture").get("dpkg").output();
        assertTrue(PackageStep.missing(wanted, fresh).containsAll(List.of("pacemaker", "corosync", "drbd-utils")));
        assertTrue(plannedWith("node1", "packages", fresh).contains("packages:node1"));
    }

    @Test
    void drbdSyncIsDoneOnlyWhenBothSidesAreUpToDate() {
        assertTrue(plannedWith("node2", "proc-drbd", vmlab("node1.syncing.proc_drbd.txt")).contains("drbd-sync:r0"));
        assertFalse(plannedWith("node2", "proc-drbd", vmlab("node2.drbd-synced.proc_drbd.txt")).contains("drbd-sync:r0"));
    }

    @Test
    void aResourceStandingAloneAfterSplitBrainIsNotUp() {
        List<String> planned = plannedWith("node1", "proc-drbd", vmlab("node1.split-brain.proc_drbd.txt"));
        assertTrue(planned.contains("drbd-up:r0:node1"), planned.toString());
    }

    @Test
    void aNodeWithoutDrbdLoadedHasNothingUp() {
        List<String> planned = plannedWith("node1", "proc-drbd", "");
        assertTrue(planned.containsAll(List.of("drbd-up:r0:node1", "drbd-up:r1:node1", "drbd-sync:r0", "drbd-sync:r1")));
    }

    @Test
    void theLiveCibOfTheHandBuiltClusterDiffersInItsChapSecretSoTheCibIsLoadedAgain() {
        String live = vmlab("node1.healthy.cibadmin_Q.txt");
        assertTrue(plannedWith("node1", "cib", live).contains("cib"));
        String desired = files.text(files.files().stream().filter(f -> f.path().equals("/cib.xml")).findFirst().orElseThrow(), SecretPolicy.REVEAL);
        assertTrue(CibMerge.converged(CibMerge.merged(live, desired), desired));
    }

    @Test
    void resourcesStoppedOrFailedAreWaitedFor() {
        String splitPromotion = vmlab("node1.split-promotion.crm_mon_xml.txt");
        assertTrue(plannedWith("node1", "crm-mon", splitPromotion).contains("resources-running"));
        assertFalse(plannedWith("node1", "crm-mon", vmlab("node2.on-node2.crm_mon_xml.txt")).contains("resources-running"));
    }

    @Test
    void aFileWithTheRightTextButAWrongModeIsWrittenAgain() {
        RenderedFile r0 = files.find("node1", "/etc/drbd.d/r0.res").orElseThrow();
        assertEquals(0600, r0.mode());
        String text = files.text(r0, SecretPolicy.REVEAL);
        assertTrue(plannedWith("node1", FileSteps.probe(r0).name(), PlanFixtures.fileOutput(text, 0644)).contains("file:node1:/etc/drbd.d/r0.res"));
        assertTrue(plannedWith("node1", FileSteps.probe(r0).name(), "ABSENT\n").contains("file:node1:/etc/drbd.d/r0.res"));
        assertFalse(plannedWith("node1", FileSteps.probe(r0).name(), PlanFixtures.fileOutput(text, 0600)).contains("file:node1:/etc/drbd.d/r0.res"));
    }

    @Test
    void theInitiatorWithoutASessionLogsIn() {
        assertTrue(plannedWith("client", "iscsi-sessions", "").contains("iscsi-login:client"));
        assertFalse(plannedWith("client", "iscsi-sessions", vmlab("client.on-node2.iscsiadm_session.txt")).contains("iscsi-login:client"));
    }

    @Test
    void aBackingDiskWithAFilesystemIsMarkedAsDestroyedByItsStep() {
        ProbeResults results = new ProbeResults().putAll(PlanFixtures.converged(project, files));
        Probe disk = DrbdSteps.deviceProbe("node2", "/dev/vdc");
        results.put("node2", disk.name(), new ProbeResults.Output("TYPE=ext4\nMOUNT=/srv\nSIZE=1073741824\n", 0));
        Step step = PlanFixtures.plan(project, results).stream().filter(s -> s.id().equals("drbd-md:r1:node2")).findFirst().orElseThrow();
        assertEquals("/dev/vdc", step.destroys().orElseThrow());
        assertTrue(step.sentence().contains("DESTROYS") && step.sentence().contains("ext4") && step.sentence().contains("/srv"), step.sentence());
    }

    @Test
    void theCorosyncKeyMustBeTheSameOnBothNodes() {
        assertTrue(plannedWith("node2", "corosync-key", "256 400 root\n" + "cd".repeat(32) + "\n").contains("corosync-key"));
        assertTrue(plannedWith("node2", "corosync-key", "256 444 root\n" + "ab".repeat(32) + "\n").contains("corosync-key"));
        assertTrue(plannedWith("node2", "corosync-key", "").contains("corosync-key"));
    }

    /** Found in the VM lab: before the install nothing runs, but installing corosync starts it on Debian's own configuration. */
    @Test
    void servicesThePackagesWillStartArePlannedWithTheInstallNotFoundDone() {
        assertTrue(plannedWith("node1", "corosync-name", "not-installed\n").contains("foreign-cluster-off:node1"));
        assertTrue(plannedWith("node1", "units-off", "not-installed\ndrbd  \n").contains("services-off:node1"));
        assertTrue(plannedWith("node1", "corosync-name", "debian\n").contains("foreign-cluster-off:node1"));
        assertFalse(plannedWith("node1", "corosync-name", "").contains("foreign-cluster-off:node1"), "installed and stopped");
    }
}
