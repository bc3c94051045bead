package io.tandem.plan;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlannerTest {

    private final Project project = PlanFixtures.vmLab();
    private final FileSet files = PlanFixtures.render(project);

    static List<Arguments> projects() {
        return List.of(Arguments.of(Named.of("vm-lab", PlanFixtures.vmLab())), Arguments.of(Named.of("vm-lab-sbd", PlanFixtures.vmLabSbd())),
                Arguments.of(Named.of("vm-lab-gpt", PlanFixtures.vmLabGpt())), Arguments.of(Named.of("vm-lab-qdevice", PlanFixtures.vmLabQdevice())));
    }

    @ParameterizedTest
    @MethodSource("projects")
    void aConvergedClusterPlansNothing(Project project) {
        FileSet files = PlanFixtures.render(project);
        ProbeResults converged = PlanFixtures.converged(project, files);
        List<Step> plan = PlanFixtures.plan(project, converged);
        assertEquals(List.of(), plan.stream().map(Step::id).toList());
    }

    @Test
    void hostsThatAnsweredNothingGetEveryStepOnce() {
        List<Step> candidates = Planner.candidates(project, files, new ProbeResults());
        List<Step> plan = PlanFixtures.plan(project, new ProbeResults());
        assertEquals(candidates.size(), plan.size());
        Set<String> ids = plan.stream().map(Step::id).collect(Collectors.toSet());
        assertEquals(plan.size(), ids.size(), "step ids are unique: the journal refers to them");
        assertTrue(ids.containsAll(List.of("packages:node1", "packages:client", "network:node1", "drbd-md:r0:node1", "drbd-sync:r1",
                "corosync-key", "cib", "resources-running", "iscsi-login:client", "mkfs:client", "mount:client")));
    }

    /**
     * A host's probes run one after another in one script: a probe that ended it (a bare {@code exit})
     * would leave every later probe unanswered. Run for real by sh with no command on the PATH (only
     * builtins run; nothing is read from a host), every probe's section must still come back.
     */
    @ParameterizedTest
    @MethodSource("projects")
    void everyProbeOfAHostAnswersWhenTheyRunInOneScript(Project project, @TempDir Path empty) throws Exception {
        FileSet files = PlanFixtures.render(project);
        for (var host : Planner.probes(Planner.candidates(project, files, new ProbeResults())).entrySet()) {
            String script = ProbeScript.script(host.getValue(), "t3st");
            ProcessBuilder sh = new ProcessBuilder("/bin/sh", "-c", script).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            sh.environment().clear();
            sh.environment().put("PATH", empty.toString());
            Process p = sh.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            ProbeResults results = ProbeScript.results(host.getKey(), host.getValue(), output, "t3st");
            for (Probe probe : host.getValue()) {
                assertTrue(results.get(probe).isPresent(), host.getKey() + ":" + probe.name() + " has no answer: it or a probe before it ended the script");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("projects")
    void eachStepIsPlannedAgainWhenOnlyItsOwnProbeSaysNotDone(Project project) {
        FileSet files = PlanFixtures.render(project);
        ProbeResults converged = PlanFixtures.converged(project, files);
        for (Step step : Planner.candidates(project, files, converged)) {
            for (Probe probe : step.check().probes()) {
                ProbeResults broken = new ProbeResults().putAll(converged);
                broken.put(probe.host(), probe.name(), new ProbeResults.Output("", 1));
                List<String> planned = PlanFixtures.plan(project, broken).stream().map(Step::id).toList();
                assertTrue(planned.contains(step.id()), step.id() + " must be planned when " + probe.host() + ":" + probe.name() + " fails");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("projects")
    void phasesComeInTheOrderApplyNeeds(Project project) {
        FileSet files = PlanFixtures.render(project);
        List<Step> candidates = Planner.candidates(project, files, new ProbeResults());
        for (int i = 1; i < candidates.size(); i++) {
            assertTrue(candidates.get(i - 1).phase().compareTo(candidates.get(i).phase()) <= 0,
                    candidates.get(i - 1).id() + " before " + candidates.get(i).id());
        }
    }

    @Test
    void nodesWithTheGptLayoutGetSfdiskWhichAMinimalDebianLacks() {
        assertFalse(Packages.forNode(project, project.nodes().getFirst()).contains("fdisk"));
        Project gpt = PlanFixtures.vmLabGpt();
        assertTrue(gpt.nodes().stream().allMatch(n -> Packages.forNode(gpt, n).contains("fdisk")));
    }

    @Test
    void blankProofsArePlannedOnlyWhenTheProjectAllowsSkippingTheSyncAndComeBeforeIt() {
        List<String> full = Planner.candidates(project, files, new ProbeResults()).stream().map(Step::id).toList();
        assertFalse(full.stream().anyMatch(id -> id.startsWith("drbd-blank:")), "initialSync full: no disk is read for zeros");
        Project skip = PlanFixtures.vmLabSbd();
        assertEquals(io.tandem.model.InitialSync.SKIP_NEW_DISKS, skip.replication().initialSyncOrDefault());
        List<String> ids = Planner.candidates(skip, PlanFixtures.render(skip), new ProbeResults()).stream().map(Step::id).toList();
        for (String resource : List.of("r0", "r1")) {
            int sync = ids.indexOf("drbd-sync:" + resource);
            for (String node : List.of("node1", "node2")) {
                int proof = ids.indexOf("drbd-blank:" + resource + ":" + node);
                assertTrue(proof > ids.indexOf("drbd-up:" + resource + ":" + node) && proof < sync, "after up, before the sync: " + ids);
            }
        }
    }

    @Test
    void theClusterFilesAreNotWrittenToAnyHostAndFstabWaitsForTheFilesystem() {
        List<Step> candidates = Planner.candidates(project, files, new ProbeResults());
        assertFalse(candidates.stream().anyMatch(s -> s.id().endsWith(":/cib.xml") || s.id().endsWith("pcs-commands.sh")));
        assertFalse(candidates.stream().anyMatch(s -> s.id().equals("file:client:/etc/fstab")));
        assertFalse(candidates.stream().anyMatch(s -> s.id().startsWith("file:node1:/etc/network/")), "network files go with commit-confirm");
    }

    @Test
    void theGptLayoutIsAppliedItsTableBeforeTheMetadataOnThePartition() {
        Project gpt = PlanFixtures.vmLabGpt();
        assertEquals(List.of(), Planner.unsupported(gpt));
        List<String> ids = Planner.candidates(gpt, PlanFixtures.render(gpt), new ProbeResults()).stream().map(Step::id).toList();
        assertTrue(ids.indexOf("partitions:r0:node1") >= 0 && ids.indexOf("partitions:r0:node1") < ids.indexOf("drbd-md:r0:node1"), ids.toString());
        assertFalse(ids.contains("partitions:r1:node1"), "r1 keeps the whole device");
    }

    /**
     * A fresh disk: no partition yet, so the metadata step's probe of it finds no device. That step must
     * neither ask for a confirmation (nothing is there to destroy) nor compare a size (the partition is new);
     * the partition step is marked for the disk only when the disk holds something.
     */
    @Test
    void onAFreshDiskTheMetadataStepWaitsForThePartitionWithoutAConfirmation() {
        Project gpt = PlanFixtures.vmLabGpt();
        FileSet files = PlanFixtures.render(gpt);
        ProbeResults fresh = new ProbeResults().putAll(PlanFixtures.converged(gpt, files));
        var backing = gpt.replication().resources().getFirst().backingOn("node1").orElseThrow();
        fresh.put("node1", PartitionSteps.tableProbe(backing).name(), new ProbeResults.Output("SIZE=1073741824\n#tandem-sfdisk\n#tandem-partition\n", 0));
        fresh.put("node1", DrbdSteps.deviceProbe("node1", backing.drbdDisk()).name(), new ProbeResults.Output("NODEV\n", 0));
        List<Step> plan = PlanFixtures.plan(gpt, fresh);
        Step table = plan.stream().filter(s -> s.id().equals("partitions:r0:node1")).findFirst().orElseThrow();
        Step md = plan.stream().filter(s -> s.id().equals("drbd-md:r0:node1")).findFirst().orElseThrow();
        assertTrue(table.destroys().isEmpty() && md.destroys().isEmpty(), table.sentence() + " / " + md.sentence());
        assertTrue(table.actions().getFirst().display().contains("is still 1.0 GiB"), table.actions().getFirst().display());
        assertTrue(md.sentence().contains("made by the partition step before"), md.sentence());
        assertFalse(md.actions().getFirst().display().contains("is still"), md.actions().getFirst().display());

        // The same disk holding a filesystem: the partition step destroys it, the metadata step still asks nothing more.
        fresh.put("node1", PartitionSteps.tableProbe(backing).name(), new ProbeResults.Output("TYPE=ext4\nSIZE=1073741824\n#tandem-sfdisk\n#tandem-partition\n", 0));
        List<Step> again = PlanFixtures.plan(gpt, fresh);
        assertEquals(List.of("node1:" + backing.disk()), new Plan(again, List.of(), java.util.Map.of()).destroyedDevices());
    }

    /** A disk partitioned otherwise whose partition 1 holds DRBD metadata: the table step wipes it, so the metadata step runs after it. */
    @Test
    void metadataOnAPartitionOfAnotherTableIsMadeAgainAfterTheTable() {
        Project gpt = PlanFixtures.vmLabGpt();
        ProbeResults results = new ProbeResults().putAll(PlanFixtures.converged(gpt, PlanFixtures.render(gpt)));
        var backing = gpt.replication().resources().getFirst().backingOn("node1").orElseThrow();
        String renamed = PlanFixtures.local("sfdisk_J.loop_gpt_tandem_r0.txt").replace("tandem-r0", "old-data");
        results.put("node1", PartitionSteps.tableProbe(backing).name(), new ProbeResults.Output(PlanFixtures.gptProbeOutput(renamed, true), 0));
        List<String> planned = PlanFixtures.plan(gpt, results).stream().map(Step::id).toList();
        assertEquals(List.of("partitions:r0:node1", "drbd-md:r0:node1"), planned);
    }
}
