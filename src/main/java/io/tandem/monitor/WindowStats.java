package io.tandem.monitor;

import java.util.Arrays;

/**
 * What a window of one series says in figures: how many samples had a value, how many were lost
 * ({@link SeriesWindow#LOST}), and the median, 99th percentile and maximum of the values
 * (nearest rank; NaN when the window has no value).
 */
public record WindowStats(int measured, int lost, double p50, double p99, double max) {

    public static final WindowStats NONE = new WindowStats(0, 0, Double.NaN, Double.NaN, Double.NaN);

    public static WindowStats of(SeriesWindow window) {
        double[] finite = new double[window.size()];
        int n = 0;
        int lost = 0;
        for (double v : window.values()) {
            if (SeriesWindow.lost(v)) {
                lost++;
            } else if (!Double.isNaN(v)) {
                finite[n++] = v;
            }
        }
        if (n == 0) {
            return new WindowStats(0, lost, Double.NaN, Double.NaN, Double.NaN);
        }
        Arrays.sort(finite, 0, n);
        return new WindowStats(n, lost, rank(finite, n, 0.50), rank(finite, n, 0.99), finite[n - 1]);
    }

    /** The nearest-rank percentile: the smallest value at or above {@code p} of the sorted values. */
    private static double rank(double[] sorted, int n, double p) {
        int index = (int) Math.ceil(p * n) - 1;
        return sorted[Math.clamp(index, 0, n - 1)];
    }
}
