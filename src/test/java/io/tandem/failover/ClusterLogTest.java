package io.tandem.failover;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterLogTest {

    @Test
    void theCrashTimelineGivesTheTokenLossTheMembershipTheFencePeerAndTheOperations() {
        List<ClusterLog.Entry> entries = Fixtures.journal("node2.crash.op_timeline.txt", "node2");
        assertEquals(ClusterLog.Kind.TOKEN_LOST, entries.getFirst().kind());
        assertEquals(Fixtures.nov25("13:11:26.968238"), entries.getFirst().at(), 1e-6);
        assertEquals(2, entries.stream().filter(e -> e.kind() == ClusterLog.Kind.TOKEN_LOST).count());
        ClusterLog.Entry members = entries.stream().filter(e -> e.kind() == ClusterLog.Kind.MEMBERSHIP).findFirst().orElseThrow();
        assertEquals("1", members.result());
        assertTrue(entries.stream().anyMatch(e -> e.kind() == ClusterLog.Kind.FENCE_PEER && e.resource().equals("r0")));
        ClusterLog.Entry promoted = entries.stream().filter(e -> e.kind() == ClusterLog.Kind.OPERATION_RESULT && e.operation().equals("promote"))
                .findFirst().orElseThrow();
        assertEquals("drbd_r0", promoted.resource());
        assertEquals("node2", promoted.node());
        assertEquals("ok", promoted.result());
        assertEquals("node2", promoted.host());
    }

    @Test
    void shortUnixLinesNameTheirHostAndKeepTheirEpoch() {
        // journalctl -o short-unix, as Tandem asks for it (same messages as the fixtures).
        List<ClusterLog.Entry> entries = ClusterLog.parse("""
                1795612286.968238 node2 corosync[815]:   [TOTEM ] Token has not been received in 3750 ms
                1795612306.347520 node2 pacemaker-controld[882]:  notice: Result of promote operation for drbd_r0 on node2: ok
                1795612306.4 node2 systemd[1]: Started something unrelated.
                """, "ignored", 2026, ZoneOffset.UTC);
        assertEquals(2, entries.size());
        assertEquals("node2", entries.get(1).host());
        assertEquals(1795612306.347520, entries.get(1).at(), 1e-6);
    }

    @Test
    void fencingByTheClusterIsRecognisedInPacemakersWords() {
        List<ClusterLog.Entry> entries = ClusterLog.parse("""
                1795612290.1 node2 pacemaker-controld[882]:  notice: Peer node1 was terminated (reboot) by node2 on behalf of pacemaker-controld.882: OK
                1795612290.2 node2 pacemaker-fenced[878]:  notice: Operation 'reboot' targeting node1 by node2 for pacemaker-controld.882@node2: OK (complete)
                """, "node2", 2026, ZoneOffset.UTC);
        assertEquals(2, entries.size());
        assertTrue(entries.stream().allMatch(e -> e.kind() == ClusterLog.Kind.FENCED && e.node().equals("node1")), entries.toString());
    }

    @Test
    void drbdLosingItsPeerAndTheFencePeerHandlersAnswerAreRead() {
        List<ClusterLog.Entry> entries = Fixtures.journal("node2.crash.op_timeline.txt", "node2");
        ClusterLog.Entry returned = entries.stream().filter(e -> e.kind() == ClusterLog.Kind.FENCE_PEER_RETURNED).findFirst().orElseThrow();
        assertEquals("r0", returned.resource());
        assertEquals("5 (peer is unreachable, assumed to be dead)", returned.result());
        assertEquals(Fixtures.nov25("13:11:41.828782"), returned.at(), 1e-6);
        assertEquals(1, entries.stream().filter(e -> e.kind() == ClusterLog.Kind.FENCE_PEER).count(), "the exit code line is not a second call");

        // The kernel's state-change line in 8.4's and 9's shape (the lab captured only asked-for TearDown/Disconnecting ones,
        // which are not losses and must not count).
        List<ClusterLog.Entry> lost = ClusterLog.parse("""
                1796221971.2 node1 kernel: drbd r0: peer( Secondary -> Unknown ) conn( Connected -> Timeout ) pdsk( UpToDate -> DUnknown )
                1796221971.3 node1 kernel: drbd r1 node2: conn( Connected -> NetworkFailure ) peer( Secondary -> Unknown )
                1796221971.4 node1 kernel: drbd r0: peer( Secondary -> Unknown ) conn( Connected -> TearDown ) pdsk( UpToDate -> DUnknown )
                1796221971.5 node1 kernel: drbd r0: conn( TearDown -> Unconnected )
                """, "node1", 2026, ZoneOffset.UTC);
        assertEquals(List.of("r0 Timeout", "r1 NetworkFailure"), lost.stream().map(e -> e.resource() + " " + e.result()).toList());
        assertTrue(lost.stream().allMatch(e -> e.kind() == ClusterLog.Kind.REPLICATION_LOST));
    }
}
