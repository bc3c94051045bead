package io.tandem.monitor;

import io.tandem.model.NetworkRole;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.tandem.testing.Fixtures.local;
import static io.tandem.testing.Fixtures.vmlab;
import static org.assertj.core.api.Assertions.assertThat;

/** The monitoring rounds of captured clusters, as the charts' series and markers. */
class SeriesRecorderTest {

    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");
    /**
     * Each test's rounds wait this long for the stand-in hosts. With the monitor's 2 s a read that a busy CI machine
     * delayed past the round was judged from the host's previous answer, which the recorder rightly skips as
     * already recorded: one sample short, and the test failed. A round still ends as soon as every host answered.
     */
    private static final Duration ROUND_WAIT = Duration.ofSeconds(30);

    private static Scenario client(Scenario s, int round, String diskstats) {
        return s.fact("client", StatusScript.CLOCK_START, (T0 + round * 2_000_000_000L) + "\n")
                .fact("client", StatusScript.DISK_STATS, VmLabScenarios.clientDiskStats(diskstats));
    }

    private static SeriesWindow all(ClusterMonitor m, String name) {
        return m.series().window(name, Instant.EPOCH, FAR);
    }

    @Test
    void eachRoundAddsTheLatencyTheRoundTripsAndTheResyncRate() throws Exception {
        Scenario s = client(VmLabScenarios.healthy(), 0, "before_io");
        try (ClusterMonitor m = new ClusterMonitor(s.project(), s.source(), ROUND_WAIT, null, null, r -> { })) {
            m.round();
            client(s, 1, "after_io");
            m.round();
            client(s, 2, "idle_loop");
            m.round();
            SeriesWindow sdb = all(m, SeriesNames.latency("client", "sdb"));
            assertThat(sdb.size()).isEqualTo(3);
            assertThat(sdb.values()[0]).as("first read: nothing to compare").isNaN();
            assertThat(sdb.values()[1]).isEqualTo(67.0 / 3000);
            assertThat(sdb.values()[2]).as("no I/O: a gap").isNaN();
            assertThat(all(m, SeriesNames.rtt(NetworkRole.CLIENT, "node1")).values()).containsExactly(0.065, 0.065, 0.065);
            assertThat(all(m, SeriesNames.rtt(NetworkRole.REPLICATION, "node2")).values()).containsExactly(0.034, 0.034, 0.034);
            assertThat(all(m, SeriesNames.resync("r0")).values()).as("in sync").containsExactly(0.0, 0.0, 0.0);
            assertThat(m.series().names()).allSatisfy(n -> assertThat(SeriesNames.group(n)).isNotNull());
        }
    }

    @Test
    void aCutLinkIsLostOnItsChartAndMarkedWhereItHappened() throws Exception {
        Scenario s = VmLabScenarios.healthy();
        try (ClusterMonitor m = new ClusterMonitor(s.project(), s.source(), ROUND_WAIT, null, null, r -> { })) {
            m.round();
            s.fact("node1", StatusScript.PEER_PINGS, local("peer_pings.replication_peer_down.txt"))
                    .fact("node1", StatusScript.PROC_DRBD, vmlab("node1.disconnected.proc_drbd.txt"))
                    .fact("node2", StatusScript.PROC_DRBD, vmlab("node2.disconnected.proc_drbd.txt"));
            m.round();
            s.fact("node1", StatusScript.PEER_PINGS, local("peer_pings.both_reply.txt"))
                    .fact("node1", StatusScript.PROC_DRBD, vmlab("node1.on-node1.proc_drbd.txt"))
                    .fact("node2", StatusScript.PROC_DRBD, vmlab("node2.connected.proc_drbd.txt"));
            m.round();
            assertThat(all(m, SeriesNames.rtt(NetworkRole.REPLICATION, "node1")).values()).containsExactly(0.034, SeriesWindow.LOST, 0.034);
            assertThat(m.series().markers(Instant.EPOCH, FAR)).extracting(ChartMarker::kind, ChartMarker::text).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(ChartMarker.Kind.FAULT, "replication link down (r0, r1)"),
                    org.assertj.core.groups.Tuple.tuple(ChartMarker.Kind.RECOVERY, "cleared: replication link down (r0, r1)"));
        }
    }

    @Test
    void aResyncDrawsItsRateAndTheTargetMovingIsMarked() throws Exception {
        Scenario s = VmLabScenarios.healthy();
        try (ClusterMonitor m = new ClusterMonitor(s.project(), s.source(), ROUND_WAIT, null, null, r -> { })) {
            m.round();
            s.fact("node1", StatusScript.PROC_DRBD, vmlab("node1.syncing.proc_drbd.txt"));
            m.round();
            double rate = all(m, SeriesNames.resync("r0")).values()[1];
            io.tandem.facts.DrbdDeviceState syncing = io.tandem.facts.ProcDrbdParser.parse(vmlab("node1.syncing.proc_drbd.txt")).stream()
                    .filter(d -> d.minor() == 0).findFirst().orElseThrow();
            assertThat(rate).isEqualTo(syncing.sync().speedKiBPerSecond() / 1024.0).isPositive();

        }
        Scenario lio = VmLabScenarios.vmLabLioT();
        try (ClusterMonitor m = new ClusterMonitor(lio.project(), lio.source(), ROUND_WAIT, null, null, r -> { })) {
            assertThat(m.round().snapshot().servedBy()).isEqualTo("node1");
            lio.fact("node1", StatusScript.CRM_MON, vmlab("node1.on-node2.crm_mon_xml.txt"))
                    .fact("node2", StatusScript.CRM_MON, vmlab("node2.on-node2.crm_mon_xml.txt"));
            assertThat(m.round().snapshot().servedBy()).isEqualTo("node2");
            assertThat(m.series().markers(Instant.EPOCH, FAR)).extracting(ChartMarker::kind, ChartMarker::text)
                    .contains(org.assertj.core.groups.Tuple.tuple(ChartMarker.Kind.MOVE, "target moved to node2"));
        }
    }

    @Test
    void aSlowHostsReusedAnswerIsRecordedOnceAndASilentOneLeavesAGap() throws Exception {
        Scenario s = client(VmLabScenarios.healthy(), 0, "before_io");
        try (ClusterMonitor m = new ClusterMonitor(s.project(), s.source(), ROUND_WAIT, null, null, r -> { })) {
            m.round();
            client(s, 1, "after_io");
            m.round();
            s.silent("client", "connection timed out").silent("node2", "connection timed out");
            m.round();
            SeriesWindow sdb = all(m, SeriesNames.latency("client", "sdb"));
            assertThat(sdb.size()).isEqualTo(3);
            assertThat(sdb.values()[2]).isNaN();
            assertThat(all(m, SeriesNames.rtt(NetworkRole.CLIENT, "node2")).values()[2]).isNaN();
            assertThat(m.series().markers(Instant.EPOCH, FAR)).extracting(ChartMarker::text).containsExactly("no answer (node2, client)");
        }
        // The same answer twice (what a round gets from a host whose next read is not back yet) adds one sample.
        Scenario same = client(VmLabScenarios.healthy(), 0, "before_io");
        TimeSeriesStore store = new TimeSeriesStore();
        SeriesRecorder recorder = new SeriesRecorder(same.project(), store);
        ClusterSnapshot first = same.read();
        recorder.record(first, java.util.List.of(), Instant.now());
        recorder.record(first, java.util.List.of(), Instant.now());
        assertThat(store.window(SeriesNames.latency("client", "sdb"), Instant.EPOCH, FAR).size()).isEqualTo(1);
        assertThat(store.window(SeriesNames.rtt(NetworkRole.CLIENT, "node1"), Instant.EPOCH, FAR).size()).isEqualTo(1);
    }
}
