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

    /** The client card's last I/O latency per session disk, and the node card's round trip to the peer on each network. */
    @Test
    void theClientsLastIoLatencyAndTheNodesRoundTrips() throws Exception {
        Scenario s = VmLabScenarios.healthy().fact("client", StatusScript.CLOCK_START, "1700000000000000000\n");
        var first = s.read();
        assertThat(StatusRows.initiators(s.project(), first, Map.of()).getFirst().state())
                .contains("/dev/sdb (LUN 0): latency measured from the second read on");
        s.fact("client", StatusScript.CLOCK_START, "1700000002000000000\n").fact("client", StatusScript.DISK_STATS,
                VmLabScenarios.clientDiskStats("after_io"));
        var second = io.tandem.monitor.StatusRead.read(s.project(), s.source(), first);
        assertThat(StatusRows.initiators(s.project(), second, Map.of())).singleElement().satisfies(r -> {
            assertThat(r.mark()).isEqualTo(StatusRows.Mark.GOOD);
            assertThat(r.state()).isEqualTo("logged in to 192.168.50.100:3260; /dev/sdb (LUN 0): last I/O 0.02 ms (3000 I/Os in 2.0 s); "
                    + "/dev/sda (LUN 1): last I/O under 1.00 ms (1 I/O in 2.0 s)");
        });
        String stuck = VmLabScenarios.clientDiskStats("after_io").replaceAll("( sdb(?: \\d+){8}) 0 ", "$1 4 ");
        s.fact("client", StatusScript.CLOCK_START, "1700000004000000000\n").fact("client", StatusScript.DISK_STATS, stuck);
        var third = io.tandem.monitor.StatusRead.read(s.project(), s.source(), second);
        assertThat(StatusRows.initiators(s.project(), third, Map.of())).singleElement().satisfies(r -> {
            assertThat(r.mark()).as("I/Os waiting, none completed").isEqualTo(StatusRows.Mark.WARN);
            assertThat(r.state()).contains("/dev/sdb (LUN 0): no I/O completed in 2.0 s, 4 waiting");
        });
        assertThat(StatusRows.nodes(s.project(), second, Map.of()).getFirst().state())
                .contains("round trip to node2: client network 0.07 ms, replication network 0.03 ms");
        s.fact("node1", StatusScript.PEER_PINGS, io.tandem.testing.Fixtures.local("peer_pings.replication_peer_down.txt"));
        assertThat(StatusRows.nodes(s.project(), s.read(), Map.of()).getFirst().state())
                .contains("round trip to node2: client network 0.06 ms, replication network no reply");
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
