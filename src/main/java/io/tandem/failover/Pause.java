package io.tandem.failover;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The longest time the initiator went without a successful I/O: from the last one that completed
 * before to the first that completed after (errors in between do not end a pause: the application
 * got nothing it could use). Times in epoch seconds.
 */
public record Pause(double from, double to) {

    public double seconds() {
        return to - from;
    }

    /** The longest gap between two successful completions that ends at or after {@code after} and began before {@code before}. */
    public static Optional<Pause> longest(ProbeLog log, double after, double before) {
        List<Double> ends = log.ios().stream().filter(ProbeLog.Io::ok).map(ProbeLog.Io::end).sorted(Comparator.naturalOrder()).toList();
        Pause best = null;
        for (int i = 1; i < ends.size(); i++) {
            double from = ends.get(i - 1);
            double to = ends.get(i);
            if (to >= after && from < before && (best == null || to - from > best.seconds())) {
                best = new Pause(from, to);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The longest gap over the whole log. */
    public static Optional<Pause> longest(ProbeLog log) {
        return longest(log, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }
}
