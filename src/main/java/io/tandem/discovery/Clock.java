package io.tandem.discovery;

import java.time.Instant;

/** Wall-clock time in nanoseconds since the epoch, as {@code date +%s%N} prints it. */
public final class Clock {

    private Clock() {
    }

    public static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
