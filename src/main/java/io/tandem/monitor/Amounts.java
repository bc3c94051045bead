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
}
