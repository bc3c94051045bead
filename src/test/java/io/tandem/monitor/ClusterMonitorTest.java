package io.tandem.monitor;

import io.tandem.discovery.FactScript;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** The polling loop on captured clusters: rounds, one read per host at a time, a hung host going stale without holding the others, faults seen within two rounds. */
class ClusterMonitorTest {

    private static final Duration INTERVAL = Duration.ofMillis(500);

    private final BlockingQueue<ClusterMonitor.Round> rounds = new LinkedBlockingQueue<>();

    private ClusterMonitor.Round next(Predicate<ClusterMonitor.Round> wanted, int maxRounds) throws InterruptedException {
        for (int i = 0; i < maxRounds; i++) {
            ClusterMonitor.Round r = rounds.poll(20, TimeUnit.SECONDS);
            if (r == null) {
                fail("no round came within 20 s: the monitor stopped or froze");
            }
            if (wanted.test(r)) {
                return r;
            }
        }
        fail("the wanted round did not come within " + maxRounds + " rounds");
        return null;
    }

    @Test
    void firstRoundJudgesTheClusterAndLogsThatMonitoringStarted() throws Exception {
        Scenario s = VmLabScenarios.healthy();
        EventLog log = new EventLog(null);
        try (ClusterMonitor m = new ClusterMonitor(s.project(), s.source(), INTERVAL, log, new SideHistory(null), rounds::add)) {
            m.start();
            ClusterMonitor.Round first = next(r -> true, 1);
            assertThat(first.number()).isEqualTo(1);
            assertThat(first.assessment().verdict()).isEqualTo(Verdict.HEALTHY);
            assertThat(first.staleSince()).isEmpty();
            assertThat(first.events()).extracting(MonitorEvent::text).containsExactly("Monitoring started: healthy ("
                    + Verdict.HEALTHY.meaning() + ").");
            ClusterMonitor.Round third = next(r -> r.number() == 3, 5);
            assertThat(third.events()).as("a steady cluster logs nothing more").isEmpty();
            assertThat(log.events()).hasSize(1);
        }
        assertThat(s.reads.get("node1").get()).as("one read per host and round").isBetween(3, 4);
    }

    @Test
    void aFaultChangesTheVerdictWithinTwoRoundsAndItsRepairIsLogged() throws Exception {
        Scenario s = VmLabScenarios.healthy();
        try (ClusterMonitor m = new ClusterMonitor(s.project(), s.source(), INTERVAL, null, null, rounds::add)) {
            m.start();
            long before = next(r -> r.number() == 2, 3).number();
            s.fact("node1", StatusScript.PROC_DRBD, io.tandem.testing.Fixtures.vmlab("node1.split-brain.proc_drbd.txt"));
            ClusterMonitor.Round seen = next(r -> r.assessment().verdict() != Verdict.HEALTHY, 4);
            assertThat(seen.number() - before).as("rounds from the fault to the verdict").isLessThanOrEqualTo(2);
            assertThat(seen.events()).anySatisfy(e -> assertThat(e.text()).startsWith("The cluster is now at risk (was healthy)"));
            assertThat(seen.events()).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo("appeared");
                assertThat(e.subject()).isEqualTo("r0");
            });
            s.fact("node1", StatusScript.PROC_DRBD, io.tandem.testing.Fixtures.vmlab("node1.on-node1.proc_drbd.txt"));
            ClusterMonitor.Round repaired = next(r -> r.assessment().verdict() == Verdict.HEALTHY, 4);
            assertThat(repaired.events()).anySatisfy(e -> assertThat(e.kind()).isEqualTo("cleared"));
        }
    }

    @Test
    void aHostThatHangsGoesStaleWithoutHoldingTheRoundsAndComesBack() throws Exception {
        Scenario s = VmLabScenarios.healthy();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger hung = new AtomicInteger();
        List<Integer> concurrentNode2 = new ArrayList<>();
        AtomicInteger inNode2 = new AtomicInteger();
        StatusSource real = s.source();
        StatusSource hanging = (host, facts) -> {
            if (host.equals("node2") && hung.get() == 1) {
                concurrentNode2.add(inNode2.incrementAndGet());
                try {
                    release.await();
                } finally {
                    inNode2.decrementAndGet();
                }
            }
            Map<String, FactScript.Section> out = real.read(host, facts);
            return out;
        };
        try (ClusterMonitor m = new ClusterMonitor(s.project(), hanging, INTERVAL, null, null, rounds::add)) {
            m.start();
            long before = next(r -> r.number() == 2, 3).number();
            hung.set(1);
            ClusterMonitor.Round stale = next(r -> r.staleSince().containsKey("node2"), 12);
            // hungAfter is 1.5 s here (three 0.5 s rounds): the next round asks, and three rounds later it is stale
            assertThat(stale.number() - before).as("rounds from the hang to the stale mark").isLessThanOrEqualTo(4);
            assertThat(stale.staleSince()).containsOnlyKeys("node2");
            assertThat(stale.events()).anySatisfy(e -> assertThat(e.kind()).isEqualTo("stale"));
            assertThat(stale.assessment().findings()).anySatisfy(f -> {
                assertThat(f.code()).isEqualTo("host.unreachable");
                assertThat(f.subject()).isEqualTo("node2");
            });
            assertThat(stale.snapshot().nodeRead("node1").orElseThrow().answered()).as("node1 is still read").isTrue();
            long staleRound = stale.number();
            next(r -> r.number() == staleRound + 3, 3); // rounds keep coming while node2 hangs
            assertThat(concurrentNode2).as("never two reads of one host at once").allMatch(n -> n == 1).hasSize(1);
            hung.set(0);
            release.countDown();
            ClusterMonitor.Round back = next(r -> r.staleSince().isEmpty(), 6);
            assertThat(back.events()).anySatisfy(e -> assertThat(e.text()).isEqualTo("node2 answers again."));
        }
    }

    @Test
    void anUnreachableHostIsStaleFromItsFirstRound() throws Exception {
        Scenario s = VmLabScenarios.healthy().silent("client", "Connection refused");
        try (ClusterMonitor m = new ClusterMonitor(s.project(), s.source(), INTERVAL, null, null, rounds::add)) {
            m.start();
            ClusterMonitor.Round first = next(r -> true, 1);
            assertThat(first.staleSince()).containsOnlyKeys("client");
            assertThat(first.snapshot().clientRead("client").orElseThrow().error()).contains("Connection refused");
        }
    }

    @Test
    void refusesAnIntervalTooShortToFinishARound() {
        Scenario s = VmLabScenarios.healthy();
        assertThatThrownBy(() -> new ClusterMonitor(s.project(), s.source(), Duration.ofMillis(100), null, null, r -> { }))
                .hasMessage("the polling interval must be at least 500 ms, not 100 ms");
    }
}
