package io.tandem.gui.home;

import io.tandem.gui.Background;
import io.tandem.monitor.Scenario;
import io.tandem.monitor.StatusScript;
import io.tandem.monitor.Verdict;
import io.tandem.monitor.VmLabScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import static io.tandem.testing.Fixtures.vmlab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The monitoring view's model on captured clusters: the verdict and its reasons as the rounds come, the history kept per project. */
class HomeViewModelTest {

    @TempDir
    Path dir;

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("waited 20 s for " + what);
            }
            Thread.sleep(20);
        }
    }

    private HomeViewModel model(Scenario s) {
        HomeViewModel vm = new HomeViewModel(s.project(), s.source(), Background.IMMEDIATE, false,
                new HomeViewModel.Store(dir.resolve("events.jsonl"), dir.resolve("sides.json")));
        vm.setInterval(Duration.ofMillis(500));
        return vm;
    }

    @Test
    void aHealthyClusterThenAFaultThenItsRepairAsTheOperatorSeesThem() throws Exception {
        Scenario s = VmLabScenarios.healthy();
        HomeViewModel vm = model(s);
        vm.refresh();
        try {
            waitFor(() -> vm.verdictProperty().get() != null, "the first round");
            assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.HEALTHY);
            assertThat(vm.headlineProperty().get()).isEqualTo("Cluster " + s.project().clusterName() + " is healthy: " + Verdict.HEALTHY.meaning() + ".");
            assertThat(vm.roundInfoProperty().get()).startsWith("Read at ").endsWith(", every 0.5 s");
            assertThat(vm.problems()).isEmpty();

            s.fact("node1", StatusScript.PROC_DRBD, vmlab("node1.split-brain.proc_drbd.txt"))
                    .fact("node2", StatusScript.PROC_DRBD, vmlab("node2.split-brain.proc_drbd.txt"));
            waitFor(() -> vm.verdictProperty().get() == Verdict.AT_RISK, "the split brain");
            assertThat(vm.headlineProperty().get()).startsWith("Cluster " + s.project().clusterName() + " is at risk: Split brain on r0");
            assertThat(vm.problems()).extracting(f -> f.code()).containsExactly("drbd.split-brain");
            assertThat(vm.events()).extracting(e -> e.kind()).as("newest round first, the verdict before its reasons")
                    .startsWith("verdict", "appeared").endsWith("verdict");

            s.fact("node1", StatusScript.PROC_DRBD, vmlab("node1.on-node1.proc_drbd.txt"))
                    .fact("node2", StatusScript.PROC_DRBD, vmlab("node2.connected.proc_drbd.txt"));
            waitFor(() -> vm.verdictProperty().get() == Verdict.HEALTHY, "the repair");
            assertThat(vm.events()).extracting(e -> e.kind()).startsWith("verdict", "cleared");
        } finally {
            vm.stop();
        }
        assertThat(vm.isPolling()).isFalse();
        HomeViewModel again = model(VmLabScenarios.healthy());
        assertThat(again.events()).as("the event log is kept per project").hasSizeGreaterThanOrEqualTo(4);
        Path csv = dir.resolve("out.csv");
        again.exportEvents(csv);
        assertThat(Files.readAllLines(csv)).hasSize(again.events().size() + 1).anySatisfy(l -> assertThat(l).contains("drbd.split-brain"));
    }

    @Test
    void whatTheOperatorDidIsAnEventKeptWithTheLogAndAMarkerOnTheCharts() {
        HomeViewModel vm = model(VmLabScenarios.healthy());
        java.time.Instant at = java.time.Instant.parse("2026-12-02T14:10:00Z");
        vm.record(at, "failover.test", "switchover node1->node2 started");
        assertThat(vm.events().getFirst().text()).isEqualTo("switchover node1->node2 started");
        assertThat(vm.series().markers(at.minusSeconds(1), at.plusSeconds(1)))
                .extracting(m -> m.kind(), m -> m.text())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(io.tandem.monitor.ChartMarker.Kind.TEST, "switchover node1->node2 started"));
        assertThat(model(VmLabScenarios.healthy()).events()).as("kept in the project's event log")
                .anySatisfy(e -> assertThat(e.code()).isEqualTo("failover.test"));
    }

    @Test
    void aHostThatStopsAnsweringIsNamedStaleInTheHeadline() throws Exception {
        Scenario s = VmLabScenarios.healthy();
        HomeViewModel vm = model(s);
        vm.refresh();
        try {
            waitFor(() -> vm.verdictProperty().get() == Verdict.HEALTHY, "the first round");
            s.silent("client", "Connection refused");
            // The verdict is set last in a round (the rounds arrive on the monitor's thread here): then the rest is in place.
            waitFor(() -> vm.verdictProperty().get() != Verdict.HEALTHY, "the round that lost the client");
            assertThat(vm.staleProperty().get()).containsOnlyKeys("client");
            assertThat(vm.headlineProperty().get()).contains(" Stale: client since ");
        } finally {
            vm.stop();
        }
    }
}
