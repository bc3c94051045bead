package io.tandem.lab;

import io.tandem.monitor.ClusterMonitor;
import io.tandem.testing.LabEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The monitoring loop against the namespace lab's real sshd hosts, with one host cut off in the
 * middle of the polling: node2's NIC goes down, so its TCP connection just stops (no reset, as when
 * a server dies). Its data must go stale within two rounds while the rounds keep coming at their
 * interval for the others, and it must come back on its own once its NIC is up again.
 */
class LabMonitorStaleIT {

    private static final Duration INTERVAL = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private final io.tandem.monitor.Rounds rounds = new io.tandem.monitor.Rounds();
    private final List<Long> arrivals = new ArrayList<>();

    private ClusterMonitor.Round next(Predicate<ClusterMonitor.Round> wanted, Duration within) throws InterruptedException {
        ClusterMonitor.Round r = rounds.next(wanted, within);
        if (r == null) {
            fail("no wanted round within " + within.toSeconds() + " s");
        }
        return r;
    }

    private static void node2Link(String state) throws Exception {
        Process p = new ProcessBuilder("ip", "-n", "node2", "link", "set", "eth0", state).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("ip -n node2 link set eth0 " + state + ": " + out).isZero();
    }

    @Test
    void aHostCutOffMidPollGoesStaleWhileTheOthersAreStillReadAndComesBack() throws Exception {
        LabEnv lab = LabEnv.require();
        try (LabStatusRounds lr = new LabStatusRounds(lab, dir.resolve("kh"));
             ClusterMonitor monitor = new ClusterMonitor(lr.project, lr.source, INTERVAL, null, null, r -> {
                 synchronized (arrivals) {
                     arrivals.add(System.nanoTime());
                 }
                 rounds.accept(r);
             })) {
            monitor.start();
            ClusterMonitor.Round first = next(r -> true, Duration.ofSeconds(30));
            assertThat(first.staleSince()).as("all three answer first").isEmpty();
            ClusterMonitor.Round before = next(r -> r.number() >= first.number() + 2, Duration.ofSeconds(10));
            long cutAt = System.nanoTime();
            try {
                node2Link("down");
                ClusterMonitor.Round stale = next(r -> r.staleSince().containsKey("node2"), Duration.ofSeconds(15));
                double seconds = (System.nanoTime() - cutAt) / 1e9;
                System.out.printf("LabMonitorStaleIT: node2 stale %.1f s (%d rounds of %d s) after its NIC went down%n", seconds,
                        stale.number() - before.number(), INTERVAL.toSeconds());
                assertThat(seconds).as("stale within two intervals and the round's own wait").isLessThanOrEqualTo(2 * INTERVAL.toSeconds() + 1.5);
                assertThat(stale.staleSince()).containsOnlyKeys("node2");
                assertThat(stale.snapshot().nodeRead("node1").orElseThrow().answered()).isTrue();
                assertThat(stale.snapshot().clientRead("client").orElseThrow().answered()).isTrue();
                assertThat(stale.assessment().findings()).anySatisfy(f -> assertThat(f.code() + " " + f.subject()).isEqualTo("host.unreachable node2"));
                long staleNumber = stale.number();
                next(r -> r.number() >= staleNumber + 5, Duration.ofSeconds(15));
            } finally {
                node2Link("up");
            }
            synchronized (arrivals) {
                List<Long> gaps = new ArrayList<>();
                for (int i = 1; i < arrivals.size(); i++) {
                    gaps.add((arrivals.get(i) - arrivals.get(i - 1)) / 1_000_000);
                }
                assertThat(gaps).as("rounds kept coming every interval while node2 hung (ms between rounds)")
                        .allSatisfy(g -> assertThat(g).isLessThan(INTERVAL.toMillis() * 2 + 500));
            }
            long upAt = System.nanoTime();
            ClusterMonitor.Round back = next(r -> r.staleSince().isEmpty(), Duration.ofSeconds(90));
            System.out.printf("LabMonitorStaleIT: node2 back %.1f s after its NIC came up (the hung read times out, then a doubling backoff)%n",
                    (System.nanoTime() - upAt) / 1e9);
            assertThat(back.events()).anySatisfy(e -> assertThat(e.text()).isEqualTo("node2 answers again."));
        }
    }
}
