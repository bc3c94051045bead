package io.tandem.failover;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-built lab's two measured failovers (lab-vm-recipe.md §10), rebuilt from their journal lines and probe logs. */
class TimelineTest {

    private static final Timeline.Layout STOCK_AGENTS = new Timeline.Layout("p_target", "p_unblock");

    @Test
    void theCrashTimelineHasEveryPhaseAtTheMomentTheRecipeNoted() {
        double crash = Fixtures.nov25("13:11:23.1");
        Timeline t = Timeline.of("node1->node2", "node1 crashed", crash, crash + 200, "node1", "node2",
                Fixtures.journal("node2.crash.op_timeline.txt", "node2"), Fixtures.probe("client.crash.probe_log.txt"), STOCK_AGENTS);
        // Recipe: token lost at +3.9 s, promoted at +23 s, target up (p_target) at +69 s, unblock at +91.7 s, I/O at +94.5 s
        // (the recipe counted that from the last write before the crash, 0.5 s after its rounded kill time).
        assertEquals(3.9, at(t, "detected") - crash, 0.1);
        assertEquals(23.2, at(t, "promoted") - crash, 0.2);
        assertEquals(69.1, at(t, "target up") - crash, 0.2);
        assertEquals(91.7, at(t, "port open") - crash, 0.1);
        assertEquals(95.0, at(t, "I/O resumed") - crash, 0.1);
        assertEquals(94.47, t.longestPause().orElseThrow().seconds(), 0.05);
        assertTrue(t.phase("fenced").isEmpty(), "stonith was disabled in that lab");
        // DRBD's handler on node2 before the promotion: called at +16.8 s, returned 5 (peer unreachable) at +18.7 s.
        assertEquals(16.8, at(t, "fence-peer called") - crash, 0.1);
        assertEquals(18.7, at(t, "fence-peer returned") - crash, 0.1);
        assertTrue(t.phase("fence-peer returned").orElseThrow().evidence().contains("returned 5"));
        assertEquals(List.of("fault", "detected", "first operation", "fence-peer called", "fence-peer returned", "promoted", "target up",
                        "port open", "I/O resumed"),
                t.phases().stream().map(Timeline.Phase::name).toList());
    }

    @Test
    void theCrashsTimeGoesToDetectionTheSlowTargetAgentsAndTheIdleCluster() {
        double crash = Fixtures.nov25("13:11:23.1");
        Timeline t = Timeline.of("node1->node2", "node1 crashed", crash, crash + 200, "node1", "node2",
                Fixtures.journal("node2.crash.op_timeline.txt", "node2"), Fixtures.probe("client.crash.probe_log.txt"), STOCK_AGENTS);
        var spent = t.timeSpent();
        assertEquals(15.1, spent.get("before the first operation"), 0.2);
        assertEquals(33.5 + 16.6 + 2.6 + 0.7 + 0.7, spent.get("start (5)"), 0.3);
        assertEquals(8.1, spent.get("promote (1)"), 0.1);
        double total = spent.values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(t.phase("I/O resumed").orElseThrow().at() - crash, total, 1e-6, "the parts add up to fault → I/O resumed: " + spent);
        assertTrue(spent.get("cluster idle between operations") > 10, spent.toString());
        Timeline.Operation target = t.operations().stream().filter(o -> o.resource().equals("p_target")).findFirst().orElseThrow();
        assertEquals(33.5, target.seconds(), 0.1);
        assertEquals("ok", target.result());
    }

    @Test
    void thePlannedSwitchoverDemotesOnTheOldNodeAndPromotesOnTheNew() {
        double move = Fixtures.nov25("13:07:20.0");
        Timeline t = Timeline.of("node2->node1", "move requested", move, move + 240, "node2", "node1",
                Fixtures.journal("node1-node2.switchover.pacemaker_op_timeline.txt", "node2"), Fixtures.probe("client.switchover.probe_log.txt"),
                STOCK_AGENTS);
        assertEquals(Fixtures.nov25("13:07:51.431836"), at(t, "demoted"), 1e-3);
        assertEquals(Fixtures.nov25("13:08:00.208640"), at(t, "promoted"), 1e-3);
        assertEquals(Fixtures.nov25("13:08:58.351776"), at(t, "target up"), 1e-3);
        assertEquals(Fixtures.nov25("13:09:28.271094"), at(t, "port open"), 1e-3);
        assertEquals(126.35, t.longestPause().orElseThrow().seconds(), 0.05);
        assertTrue(t.phase("detected").isEmpty(), "a planned move loses no token");
        assertEquals(Fixtures.nov25("13:07:20.257760"), at(t, "first operation"), 1e-3);
    }

    /**
     * Tandem's own lab (fixtures/vmlab/README.md, "tandem.*"): node2's replication bond cut for 20 s under the probe.
     * DRBD on node1 lost r1 at +4.4 s and called its fence-peer handler, which placed its constraint 17 s later
     * (crm-fence-peer.sh's Pacemaker tools on an emulated CPU); I/O stayed suspended meanwhile.
     */
    @Test
    void aReplicationCutsPauseIsDrbdNoticingThenItsFencePeerHandler() {
        double cut = 1796227952.955505;
        Timeline t = Timeline.of("node2", "replication link down on node2 for 20 s", cut, cut + 60, "node1", "node1",
                Fixtures.journal("tandem.replication-link.journal.txt", "node1"), Fixtures.probe("client.replication-link.probe_log.txt"),
                new Timeline.Layout("p_target", "p_unblock"));

        assertEquals(List.of("fault", "replication lost", "fence-peer called", "fence-peer returned", "I/O resumed"),
                t.phases().stream().map(Timeline.Phase::name).toList());
        assertTrue(t.phase("fence-peer returned").orElseThrow().evidence().contains("returned 4 (peer was fenced)"));
        assertEquals(22.0, t.longestPause().orElseThrow().seconds(), 0.1);
        var spent = t.timeSpent();
        assertEquals(4.4, spent.get("DRBD noticing the lost peer"), 0.1);
        assertEquals(17.5, spent.get("DRBD's fence-peer handler (I/O suspended by resource-and-stonith)"), 0.1);
        double total = spent.values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(at(t, "I/O resumed") - cut, total, 1e-6, "the parts add up to fault → I/O resumed: " + spent);
        assertTrue(t.operations().stream().noneMatch(o -> !o.operation().equals("monitor")), "the cluster moved nothing");
    }

    /**
     * Each DRBD resource has its own handler; the phases follow the one that held the probe's I/O. Node1's journal lines
     * of the second replication-link run in Tandem's lab (16:42, short-precise turned into epochs), with a probe log made
     * for them (that run's log was overwritten): r1 lost at +4.5 s and outdated its peer by +7.6 s, r0 (the probe's) lost
     * at +11.3 s, its handler returned at +20.3 s, I/O resumed right after.
     */
    @Test
    void theHandlerThatHeldTheIoIsTheOneShown() {
        double cut = 1796229754.5;
        List<ClusterLog.Entry> journal = ClusterLog.parse("""
                1796229759.028979 node1 kernel: drbd r1: peer( Secondary -> Unknown ) conn( Connected -> NetworkFailure ) pdsk( UpToDate -> DUnknown ) susp( 0 -> 1 )
                1796229759.071204 node1 kernel: drbd r1: helper command: /sbin/drbdadm fence-peer r1
                1796229762.065001 node1 kernel: drbd r1: fence-peer helper returned 4 (peer was fenced)
                1796229765.828167 node1 kernel: drbd r0: peer( Secondary -> Unknown ) conn( Connected -> NetworkFailure ) pdsk( UpToDate -> DUnknown ) susp( 0 -> 1 )
                1796229765.830845 node1 kernel: drbd r0: helper command: /sbin/drbdadm fence-peer r0
                1796229774.873643 node1 kernel: drbd r0: fence-peer helper returned 4 (peer was fenced)
                """, "node1", 2026, java.time.ZoneOffset.UTC);
        ProbeLog probe = ProbeLog.parse("""
                START run=0000000000000001 blocks=16384 interval_ms=100
                1796229754.4 5.0 OK w 0
                1796229754.6 20250.0 OK w 1
                1796229774.9 5.0 OK w 2
                VERIFY acked=3 lost=0 corrupt=0 unreadable=0
                """);
        Timeline t = Timeline.of("node2", "replication link down on node2 for 20 s", cut, cut + 60, "node1", "node1", journal, probe,
                new Timeline.Layout("p_target", "p_target"));

        assertEquals(11.3, at(t, "replication lost") - cut, 0.05);
        assertEquals(11.3, at(t, "fence-peer called") - cut, 0.05);
        assertEquals(20.4, at(t, "fence-peer returned") - cut, 0.05);
        assertTrue(t.phase("fence-peer returned").orElseThrow().evidence().contains("drbd r0:"));
    }

    @Test
    void journalLinesBeforeTheFaultOrAfterTheWindowDoNotCount() {
        double move = Fixtures.nov25("13:08:30.0");
        Timeline t = Timeline.of("node2->node1", "move requested", move, move + 10, "node2", "node1",
                Fixtures.journal("node1-node2.switchover.pacemaker_op_timeline.txt", "node2"), Fixtures.probe("client.switchover.probe_log.txt"),
                STOCK_AGENTS);
        assertTrue(t.phase("demoted").isEmpty());
        assertTrue(t.phase("port open").isEmpty());
    }

    private static double at(Timeline t, String phase) {
        return t.phase(phase).orElseThrow(() -> new AssertionError("no phase " + phase + " in " + t.phases())).at();
    }
}
