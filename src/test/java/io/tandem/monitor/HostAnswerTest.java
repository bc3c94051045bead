package io.tandem.monitor;

import io.tandem.discovery.FactScript;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The clock offset from the status script's stamps, when the way to the host is slow and the way back is not. */
class HostAnswerTest {

    private static final long S = 1_000_000_000L;

    private static HostAnswer answer(long before, long start, long end, long after) {
        return HostAnswer.of("node1", Map.of(StatusScript.CLOCK_START, new FactScript.Section(start + "\n", 0),
                StatusScript.CLOCK_END, new FactScript.Section(end + "\n", 0)), before, after, Duration.ofNanos(after - before));
    }

    @Test
    void aSlowSudoOnTheWayThereDoesNotLookLikeAClockApart() {
        long t = 1_796_000_000L * S;
        // Same clocks; sudo held the script's start 4 s; the script ran 1 s; its answer came back in 5 ms.
        HostAnswer slow = answer(t, t + 4 * S, t + 5 * S, t + 5 * S + 5_000_000);
        assertThat(slow.clockOffset()).get().satisfies(o -> assertThat(o.abs()).isLessThan(Duration.ofMillis(10)));
    }

    @Test
    void aClockThreeSecondsAheadReadsSo() {
        long t = 1_796_000_000L * S;
        HostAnswer ahead = answer(t, t + 3 * S + 200_000_000, t + 3 * S + 300_000_000, t + 300_000_000 + 5_000_000);
        assertThat(ahead.clockOffset()).get().satisfies(o -> assertThat(o.minusSeconds(3).abs()).isLessThan(Duration.ofMillis(10)));
        assertThat(HostAnswer.of("node1", Map.of(), t, t, Duration.ZERO).clockOffset()).isEmpty();
    }
}
