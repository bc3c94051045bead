package io.tandem.apply;

import io.tandem.plan.Action;
import io.tandem.plan.Check;
import io.tandem.plan.Phase;
import io.tandem.plan.Probe;
import io.tandem.plan.Step;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ApplyRunnerWavesTest {

    private static Step step(String id, Phase phase, String... hosts) {
        Check check = Check.exitZero("x", new Probe(hosts[0], "p", "true"));
        return new Step(id, phase, List.of(hosts), id, check, List.of(new Action(hosts[0], id, r -> { })), "", Optional.empty(), List.of());
    }

    @Test
    void oneHostStepsOfAPhaseRunTogetherAndAStepOnSeveralHostsRunsAlone() {
        List<Step> steps = List.of(
                step("pk1", Phase.PACKAGES, "node1"), step("pk2", Phase.PACKAGES, "node2"), step("pkc", Phase.PACKAGES, "client"),
                step("f1", Phase.FILES, "node1"), step("f2", Phase.FILES, "node2"), step("f3", Phase.FILES, "node1"),
                step("md1", Phase.REPLICATION, "node1"), step("sync", Phase.REPLICATION, "node1", "node2"), step("md2", Phase.REPLICATION, "node2"),
                step("cib", Phase.RESOURCES, "node1"));
        List<List<String>> waves = ApplyRunner.waves(steps).stream().map(w -> w.stream().map(Step::id).toList()).toList();
        assertEquals(List.of(List.of("pk1", "pk2", "pkc"), List.of("f1", "f2", "f3"), List.of("md1"), List.of("sync"), List.of("md2"),
                List.of("cib")), waves);
    }
}
