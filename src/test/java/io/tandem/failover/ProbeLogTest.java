package io.tandem.failover;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbeLogTest {

    @Test
    void theHandBuiltSwitchoverWithA300SecondTimeoutPausedButLostNothing() {
        ProbeLog log = Fixtures.probe("client.switchover2-rt300.probe_log.txt");
        assertEquals(862, log.ios().size());
        assertTrue(log.errors().isEmpty());
        Pause pause = Pause.longest(log).orElseThrow();
        // lab-vm-recipe.md §10: 132.3 s measured by the lab's own analysis.
        assertEquals(132.3, pause.seconds(), 0.3);
        assertTrue(log.readBack().isEmpty(), "the lab's probe did no read-back");
    }

    @Test
    void theSwitchoverWithA30SecondTimeoutReturnedErrorsAndTheyDoNotEndThePause() {
        ProbeLog log = Fixtures.probe("client.switchover.probe_log.txt");
        assertEquals(779, log.errors().size());
        assertEquals("EIO", log.errors().getFirst().error());
        Pause pause = Pause.longest(log).orElseThrow();
        assertEquals(126.35, pause.seconds(), 0.05);
        assertEquals(Fixtures.nov25("13:09:28.99"), pause.to(), 0.01);
    }

    @Test
    void tandemsProbeLinesCarryTheOperationTheSequenceAndTheReadBack() {
        ProbeLog log = ProbeLog.parse("""
                START run=abc blocks=16 interval_ms=100
                1796214834.908616 2.868 OK w 0
                1796214834.911558 0.283 OK r 0
                1796214835.008740 30001.150 ERR:EIO w 1
                1796214865.010050 0.273 ERR:BADDATA r 0
                VERIFY acked=1 lost=0 corrupt=0 unreadable=0
                1796214865.2 0.3 O""");
        assertEquals(4, log.ios().size(), "the header and a torn last line are skipped");
        assertEquals(2, log.writes());
        assertEquals(2, log.reads());
        assertEquals(java.util.List.of("EIO", "BADDATA"), log.errors().stream().map(ProbeLog.Io::error).toList());
        assertEquals(1796214835.008740 + 30.00115, log.ios().get(2).end(), 1e-6);
        assertTrue(log.readBack().orElseThrow().intact());
        assertEquals(1796214834.908616 - 2.5, log.shifted(-2.5).ios().getFirst().start(), 1e-9);
    }

    @Test
    void aPauseIsLookedForOnlyInItsWindow() {
        ProbeLog log = Fixtures.probe("client.switchover2-rt300.probe_log.txt");
        double before = Pause.longest(log).orElseThrow().from();
        Pause early = Pause.longest(log, log.ios().getFirst().start(), before - 1).orElseThrow();
        assertTrue(early.seconds() < 1, "before the switchover no gap is long: " + early.seconds());
    }
}
