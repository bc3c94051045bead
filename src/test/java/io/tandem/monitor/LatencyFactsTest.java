package io.tandem.monitor;

import io.tandem.discovery.FactScript;
import io.tandem.facts.PingResult;
import io.tandem.model.NetworkRole;
import io.tandem.model.Project;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.tandem.testing.Fixtures.local;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The latency facts of a status round: each node's ping to its peer on both networks and each
 * client's disk counters, asked inside the hosts' one script; the latency of a session disk over
 * the interval between two reads, on the captures of fixtures/local.
 */
class LatencyFactsTest {

    private static final long T0 = 1_700_000_000_000_000_000L;

    private static Scenario at(Scenario s, long hostNanos, String diskstats) {
        return s.fact("client", StatusScript.CLOCK_START, hostNanos + "\n").fact("client", StatusScript.DISK_STATS, VmLabScenarios.clientDiskStats(diskstats));
    }

    @Test
    void eachNodePingsItsPeersAddressOnBothNetworksInItsOneScript() {
        Project project = VmLabScenarios.healthy().project();
        String node1 = StatusScript.node(project, project.node("node1").orElseThrow()).stream()
                .filter(f -> f.name().equals(StatusScript.PEER_PINGS)).map(FactScript.Fact::command).findFirst().orElseThrow();
        assertThat(node1).contains("-- 192.168.50.12 2>&1", "-- 192.168.60.12 2>&1").doesNotContain("192.168.50.11");
        String node2 = StatusScript.node(project, project.node("node2").orElseThrow()).stream()
                .filter(f -> f.name().equals(StatusScript.PEER_PINGS)).map(FactScript.Fact::command).findFirst().orElseThrow();
        assertThat(node2).contains("-- 192.168.50.11 2>&1", "-- 192.168.60.11 2>&1");
        assertThat(StatusScript.client()).filteredOn(f -> f.name().equals(StatusScript.DISK_STATS)).singleElement()
                .satisfies(f -> assertThat(f.command()).contains("< /proc/diskstats").doesNotContain("cat "));
    }

    @Test
    void theRoundTripsAreReadPerNetwork() throws Exception {
        ClusterSnapshot s = VmLabScenarios.healthy().fact("node1", StatusScript.PEER_PINGS, local("peer_pings.replication_peer_down.txt"))
                .fact("node2", StatusScript.PEER_PINGS, local("peer_pings.replication_link_down.txt")).read();
        ClusterSnapshot.NodeRead node1 = s.nodeRead("node1").orElseThrow();
        assertThat(node1.peerRtt(NetworkRole.CLIENT).orElseThrow())
                .isEqualTo(new ClusterSnapshot.PeerRtt(NetworkRole.CLIENT, "node2", "192.168.50.12", PingResult.reply(0.059)));
        assertThat(node1.peerRtt(NetworkRole.REPLICATION).orElseThrow().result().outcome()).isEqualTo(PingResult.Outcome.NO_REPLY);
        assertThat(s.nodeRead("node2").orElseThrow().peerRtt(NetworkRole.REPLICATION).orElseThrow().result())
                .isEqualTo(PingResult.error("connect: Network is unreachable"));
    }

    @Test
    void latencyIsMeasuredBetweenTwoReadsOnTheClientsClock() throws Exception {
        Scenario s = VmLabScenarios.healthy();
        ClusterSnapshot first = at(s, T0, "before_io").read();
        assertThat(first.clientRead("client").orElseThrow().latency()).extracting(ClusterSnapshot.DiskLatency::unmeasured)
                .containsOnly(IoLatency.FIRST_READ);

        ClusterSnapshot second = StatusRead.read(s.project(), at(s, T0 + 2_000_000_000L, "after_io").source(), first);
        List<ClusterSnapshot.DiskLatency> latency = second.clientRead("client").orElseThrow().latency();
        ClusterSnapshot.DiskLatency sdb = latency.stream().filter(l -> l.device().equals("sdb")).findFirst().orElseThrow();
        assertThat(sdb.lun()).isZero();
        assertThat(sdb.over()).isEqualTo(Duration.ofSeconds(2));
        assertThat(sdb.ios()).isEqualTo(3000);
        assertThat(sdb.averageMillis()).isEqualTo(67.0 / 3000);
        ClusterSnapshot.DiskLatency sda = latency.stream().filter(l -> l.device().equals("sda")).findFirst().orElseThrow();
        assertThat(sda.ios()).as("the machine's disk wrote once in that capture").isEqualTo(1);

        ClusterSnapshot third = StatusRead.read(s.project(), at(s, T0 + 4_000_000_000L, "idle_loop").source(), second);
        ClusterSnapshot.DiskLatency idle = third.clientRead("client").orElseThrow().latency().getFirst();
        assertThat(idle.device()).isEqualTo("sdb");
        assertThat(idle.measured()).isTrue();
        assertThat(idle.ios()).isZero();
        assertThat(idle.averageMillis()).isNaN();
        assertThat(idle.stalled()).isFalse();
    }

    @Test
    void theSameAnswerSeenTwiceKeepsItsFiguresAndARecreatedDiskIsNotCompared() throws Exception {
        Scenario s = VmLabScenarios.healthy();
        ClusterSnapshot first = at(s, T0, "before_io").read();
        ClusterSnapshot second = StatusRead.read(s.project(), at(s, T0 + 2_000_000_000L, "after_io").source(), first);
        ClusterSnapshot again = StatusRead.read(s.project(), s.source(), second);
        assertThat(again.clientRead("client").orElseThrow().latency()).isEqualTo(second.clientRead("client").orElseThrow().latency());

        ClusterSnapshot relogged = StatusRead.read(s.project(), at(s, T0 + 4_000_000_000L, "before_io").source(), second);
        assertThat(relogged.clientRead("client").orElseThrow().latency().getFirst().unmeasured()).contains("attached again");
    }

    @Test
    void aStuckDiskHasIosInFlightAndNoneCompleted() throws Exception {
        Scenario s = VmLabScenarios.healthy();
        ClusterSnapshot first = at(s, T0, "idle_loop").read();
        String stuck = VmLabScenarios.clientDiskStats("idle_loop").replaceAll("( sdb(?: \\d+){8}) 0 ", "$1 7 ");
        ClusterSnapshot second = StatusRead.read(s.project(), s.fact("client", StatusScript.CLOCK_START, (T0 + 2_000_000_000L) + "\n")
                .fact("client", StatusScript.DISK_STATS, stuck).source(), first);
        ClusterSnapshot.DiskLatency sdb = second.clientRead("client").orElseThrow().latency().getFirst();
        assertThat(sdb.inFlight()).isEqualTo(7);
        assertThat(sdb.stalled()).isTrue();
    }

    @Test
    void theMonitorMeasuresFromItsPreviousRound() throws Exception {
        Scenario s = at(VmLabScenarios.healthy(), T0, "before_io");
        try (ClusterMonitor m = new ClusterMonitor(s.project(), s.source(), Duration.ofSeconds(2), null, null, r -> { })) {
            assertThat(m.round().snapshot().clientRead("client").orElseThrow().latency().getFirst().measured()).isFalse();
            at(s, T0 + 2_000_000_000L, "after_io");
            assertThat(m.round().snapshot().clientRead("client").orElseThrow().latency().getFirst().ios()).isEqualTo(3000);
        }
    }
}
