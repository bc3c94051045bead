package io.tandem.gui.home;

import io.tandem.monitor.Scenario;
import io.tandem.monitor.StatusScript;
import io.tandem.monitor.VmLabScenarios;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.tandem.testing.Fixtures.vmlab;
import static org.assertj.core.api.Assertions.assertThat;

/** What the monitoring view's cards say, from captured clusters. */
class StatusRowsTest {

    @Test
    void aHealthyClusterReadsAsSuchOnEveryCard() throws Exception {
        Scenario s = VmLabScenarios.healthy();
        var snap = s.read();
        var nodes = StatusRows.nodes(s.project(), snap, Map.of());
        assertThat(nodes).extracting(StatusRows.Row::mark).containsOnly(StatusRows.Mark.GOOD);
        assertThat(nodes.getFirst().state()).startsWith("reachable, online in the cluster, up ").contains("clock ", "runs ");
        assertThat(StatusRows.replication(snap, Map.of())).extracting(StatusRows.Row::mark).containsOnly(StatusRows.Mark.GOOD);
        assertThat(StatusRows.bonds(s.project(), snap)).isNotEmpty().extracting(StatusRows.Row::state)
                .allSatisfy(state -> assertThat(state).startsWith("active ").doesNotContain("DOWN"));
        assertThat(StatusRows.target(s.project(), snap)).extracting(StatusRows.Row::name).contains("Target", "LUNs", "Session");
        assertThat(StatusRows.initiators(s.project(), snap, Map.of())).singleElement().satisfies(r -> {
            assertThat(r.mark()).isEqualTo(StatusRows.Mark.GOOD);
            assertThat(r.state()).startsWith("logged in to ").contains("(LUN 0)");
        });
        assertThat(StatusRows.fencing(s.project(), snap).getFirst().state()).startsWith("sbd");
    }

    @Test
    void aBondWithANicDownSaysWhichAndHowOftenItFailed() throws Exception {
        Scenario s = VmLabScenarios.healthy();
        s.fact("node1", StatusScript.BONDING, "@@BOND bond0\n" + vmlab("node1.bond0-eth0-down.proc_net_bonding_bond0.txt") + "@@BOND bond1\n"
                + vmlab("node1.bonded.proc_net_bonding_bond1.txt"));
        var rows = StatusRows.bonds(s.project(), s.read());
        assertThat(rows).filteredOn(r -> r.name().equals("bond0 on node1")).singleElement().satisfies(r -> {
            assertThat(r.mark()).isEqualTo(StatusRows.Mark.WARN);
            assertThat(r.state()).contains("DOWN", "link failure");
        });
        assertThat(rows).filteredOn(r -> r.name().equals("bond0 on node2")).singleElement()
                .satisfies(r -> assertThat(r.mark()).isEqualTo(StatusRows.Mark.GOOD));
    }

    @Test
    void aStaleNodeSaysSinceWhenInsteadOfShowingOldFacts() throws Exception {
        Scenario s = VmLabScenarios.healthy().silent("node2", "timeout");
        Instant since = Instant.now().minusSeconds(30);
        var rows = StatusRows.nodes(s.project(), s.read(), Map.of("node2", since));
        assertThat(rows.get(1).mark()).isEqualTo(StatusRows.Mark.UNKNOWN);
        assertThat(rows.get(1).state()).startsWith(StatusRows.staleWords(since));
    }
}
