package io.tandem.monitor;

import java.time.Duration;
import java.util.Locale;

/** Sizes, rates and durations as an operator reads them: "64 KiB", "38.6 MiB/s", "2 min 5 s". */
public final class Amounts {

    private Amounts() {
    }

    public static String kib(long kib) {
        if (kib >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f GiB", kib / (double) (1L << 20));
        }
        if (kib >= 1L << 10) {
            return String.format(Locale.ROOT, "%.1f MiB", kib / (double) (1L << 10));
        }
        return kib + " KiB";
    }

    public static String rate(long kibPerSecond) {
        return kib(kibPerSecond) + "/s";
    }

    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 86_400) {
            return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
        }
        if (s >= 3600) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        if (s >= 60) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s + " s";
    }

    /** "+0.012 s", "-3.400 s": a clock offset with its sign. */
    public static String offset(Duration d) {
        return String.format(Locale.ROOT, "%+.3f s", d.toNanos() / 1e9);
    }

    /** "0.81 ms", "12.4 ms", "1.2 s": a latency or a round trip in milliseconds. */
    public static String millis(double ms) {
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        }
        return String.format(Locale.ROOT, ms >= 10 ? "%.1f ms" : "%.2f ms", ms);
    }

    /**
     * A disk's I/O over one polling interval: "last I/O 0.81 ms (523 I/Os in 2.0 s)", "no I/O in
     * 2.0 s", "no I/O completed in 2.0 s, 12 waiting", or why it was not measured.
     */
    public static String latency(double averageMillis, long ios, long inFlight, Duration over, String unmeasured) {
        if (unmeasured != null) {
            return "latency " + unmeasured;
        }
        String in = String.format(Locale.ROOT, "%.1f s", over.toMillis() / 1000.0);
        if (ios == 0) {
            return inFlight > 0 ? "no I/O completed in " + in + ", " + inFlight + " waiting" : "no I/O in " + in;
        }
        // The kernel counts whole milliseconds: I/Os that took no tick between them were each faster than that tick shared out.
        String time = averageMillis == 0 ? "under " + millis(1.0 / ios) : millis(averageMillis);
        return "last I/O " + time + " (" + ios + " I/O" + (ios == 1 ? "" : "s") + " in " + in
                + (inFlight > 0 ? ", " + inFlight + " in flight" : "") + ")";
    }
}
