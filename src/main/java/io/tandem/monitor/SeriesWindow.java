package io.tandem.monitor;

import java.util.Arrays;

/**
 * A series' samples over a window, oldest first, as two arrays of equal length: the time of each
 * (epoch milliseconds) and its value. A value is NaN when nothing was measured (the host did not
 * answer, a disk did no I/O) and {@link #LOST} when the measurement failed in a way that matters:
 * a ping without reply within its wait, a disk whose I/Os waited the whole interval.
 */
public record SeriesWindow(long[] times, double[] values) {

    public static final double LOST = Double.POSITIVE_INFINITY;
    public static final SeriesWindow EMPTY = new SeriesWindow(new long[0], new double[0]);

    public SeriesWindow {
        if (times.length != values.length) {
            throw new IllegalArgumentException(times.length + " times for " + values.length + " values");
        }
    }

    public int size() {
        return times.length;
    }

    public static boolean lost(double value) {
        return value == LOST;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeriesWindow w && Arrays.equals(times, w.times) && Arrays.equals(values, w.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(times) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SeriesWindow[" + times.length + " samples]";
    }
}
