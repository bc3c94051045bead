package io.tandem.plan;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlannerTest {

    private final Project project = PlanFixtures.vmLab();
    private final FileSet files = PlanFixtures.render(project);

    static List<Arguments> projects() {
        return List.of(Arguments.of(Named.of("vm-lab", PlanFixtures.vmLab())), Arguments.of(Named.of("vm-lab-sbd", PlanFixtures.vmLabSbd())));
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
}
