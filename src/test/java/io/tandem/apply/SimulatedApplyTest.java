package io.tandem.apply;

import io.tandem.model.DemoProject;
import io.tandem.model.Project;
import io.tandem.plan.Plan;
import io.tandem.plan.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo cluster applied through the real planner and runner against simulated hosts: the plan
 * is made from the demo's facts, the steps parse the simulated tools' outputs, and the journal and
 * listener see what a real run shows.
 */
@org.junit.jupiter.api.Timeout(90)
class SimulatedApplyTest {

    @TempDir
    Path dir;

    private static final class Seen implements ApplyListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void stepStarted(Step step) {
            events.add("start " + step.id());
        }

        @Override
        public void stepDone(Step step, Duration took) {
            events.add("done " + step.id());
        }

        @Override
        public void stepSkipped(Step step) {
            events.add("skip " + step.id());
        }

        @Override
        public void stepFailed(Step step, ApplyFailure failure) {
            events.add("fail " + step.id() + " " + failure.what());
        }

        @Override
        public void progress(String host, String step, String message) {
            events.add("progress " + host + " " + message);
        }

        @Override
        public void output(String host, String step, String line) {
            events.add("out " + host + " " + line);
        }
    }

    @Test
    void theDemoPlansFromItsFactsAppliesAndThenHasNothingLeft() throws Exception {
        SimulatedCluster cluster = new SimulatedCluster(DemoProject.withFreshSecrets(), 0.05);
        ApplySession session = ApplySession.simulated(cluster);
        Plan plan = session.plan();
        assertThat(plan.refusals()).isEmpty();
        assertThat(plan.destroyedDevices()).as("node2's vdc holds an old ext4 filesystem").containsExactly("node2:/dev/vdc");
        assertThat(plan.steps()).extracting(Step::id).contains("packages:node1", "network:node1", "drbd-sync:r0", "resources-running")
                .as("the client has open-iscsi already").doesNotContain("packages:client")
                .as("servers that never ran a cluster have nothing an earlier version left to migrate")
                .doesNotContain("retire-portblock", "drbd-notifications-off");
        Seen seen = new Seen();
        Journal journal = new Journal(dir.resolve("journal.jsonl"));
        Optional<ApplyFailure> failure = session.apply(plan, Set.of("node2:/dev/vdc"), journal, seen, null);
        assertThat(failure).as(seen.events.stream().filter(e -> !e.startsWith("out")).toList().toString()).isEmpty();
        assertThat(seen.events).contains("done resources-running")
                .anySatisfy(e -> assertThat(e).matches("progress node1 packages \\d+/\\d+: .*"))
                .anySatisfy(e -> assertThat(e).matches("progress node1 minor 0: SyncSource \\d+\\.\\d %.*left"))
                .anySatisfy(e -> assertThat(e).startsWith("progress node1 running: "))
                .anySatisfy(e -> assertThat(e).startsWith("out node1 Setting up drbd-utils"));
        assertThat(journal.lastInterrupted()).isEmpty();
        assertThat(journal.read()).anySatisfy(e -> assertThat(e.event()).isEqualTo("run-end"));
        assertThat(ApplySession.simulated(cluster).plan().steps()).as("converged").isEmpty();
        assertThat(cluster.built()).isTrue();

        // The home screen's status read of the built demo: healthy, and at risk only for what the demo lacks (fencing).
        var snapshot = io.tandem.monitor.StatusRead.read(cluster.project(), cluster.statusSource());
        assertThat(snapshot.healthy()).as(snapshot.toString()).isTrue();
        String preferred = cluster.project().cluster().preferredNode();
        assertThat(snapshot.drbd()).as("each node sees itself in its own role").isNotEmpty().allSatisfy(d -> assertThat(d.roles())
                .isEqualTo(d.node().equals(preferred) ? "Primary/Secondary" : "Secondary/Primary"));
        var assessment = io.tandem.monitor.HealthRules.judge(cluster.project(), snapshot);
        assertThat(assessment.findings()).extracting(io.tandem.monitor.Finding::code).containsExactly("fencing.none");
        assertThat(snapshot.sessions()).singleElement().asString().contains(cluster.project().managedInitiators().getFirst().iqn(), " via ");
    }

    @Test
    void theDemoWithAQuorumWitnessAppliesConvergesAndCountsTheWitness() throws Exception {
        Project demo = DemoProject.withFreshSecrets();
        io.tandem.model.ClusterSettings c = demo.cluster();
        Project witness = new Project(demo.schemaVersion(), demo.profile(), demo.clusterName(), demo.domain(), demo.nodes(), demo.networks(),
                demo.replication(), new io.tandem.model.ClusterSettings(c.preferredNode(), c.tokenMs(), false, c.resourceStickiness(),
                c.operationTimeoutSeconds(), c.stonith(), null, new io.tandem.model.QuorumDevice(demo.initiators().getFirst().name(), null, null)),
                demo.target(), demo.chap(), demo.initiators(), demo.time());
        SimulatedCluster cluster = new SimulatedCluster(witness, 0.02);
        ApplySession session = ApplySession.simulated(cluster);
        Plan plan = session.plan();
        assertThat(plan.steps()).extracting(Step::id).contains("qnetd:client", "qdevice-certificates", "qdevice-start:node1");
        assertThat(session.apply(plan, Set.of("node2:/dev/vdc"), new Journal(dir.resolve("witness.jsonl")), new Seen(), null)).isEmpty();
        assertThat(ApplySession.simulated(cluster).plan().steps()).as("converged").isEmpty();
        var snapshot = io.tandem.monitor.StatusRead.read(cluster.project(), cluster.statusSource());
        assertThat(snapshot.nodeReads()).allSatisfy(n -> assertThat(n.qdevice().connected()).as(n.name()).isTrue());
        assertThat(io.tandem.monitor.HealthRules.judge(cluster.project(), snapshot).findings())
                .extracting(io.tandem.monitor.Finding::code).containsExactly("fencing.none");
    }

    @Test
    void anUnconfirmedDeviceStopsTheRunBeforeAnythingIsWrittenToIt() throws Exception {
        SimulatedCluster cluster = new SimulatedCluster(DemoProject.withFreshSecrets(), 0.02);
        ApplySession session = ApplySession.simulated(cluster);
        Seen seen = new Seen();
        Optional<ApplyFailure> failure = session.apply(session.plan(), Set.of(), new Journal(dir.resolve("j.jsonl")), seen, null);
        assertThat(failure).isPresent();
        assertThat(failure.get().host()).isEqualTo("node2");
        assertThat(failure.get().what()).contains("/dev/vdc", "not confirmed");
        assertThat(cluster.signatures("node2", "/dev/vdc")).as("still there").containsExactly("ext4");
    }

    @Test
    void theArmedMissingPackageFailsNode2OnceWithAptsWordsAndTheRetrySucceeds() throws Exception {
        SimulatedCluster cluster = new SimulatedCluster(DemoProject.withFreshSecrets(), 0.02);
        cluster.armMissingPackage(true);
        ApplySession session = ApplySession.simulated(cluster);
        Plan plan = session.plan();
        Seen seen = new Seen();
        Journal journal = new Journal(dir.resolve("j.jsonl"));
        Optional<ApplyFailure> failure = session.apply(plan, Set.of("node2:/dev/vdc"), journal, seen, null);
        assertThat(failure).isPresent();
        assertThat(failure.get().step().id()).isEqualTo("packages:node2");
        assertThat(failure.get().what()).contains("have no package drbd-utils");
        assertThat(failure.get().detail()).contains("E: Unable to locate package drbd-utils");
        Seen again = new Seen();
        assertThat(session.apply(plan, Set.of("node2:/dev/vdc"), journal, again, null)).isEmpty();
        assertThat(again.events).contains("skip packages:node1", "done packages:node2", "done resources-running");
    }
}
