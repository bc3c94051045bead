package io.tandem.monitor;

/**
 * One series' samples, oldest first, in two primitive arrays used as a ring: a time (epoch
 * milliseconds) and a value per sample, no object per sample. The arrays grow by doubling up to
 * {@code capacity}; a full ring overwrites its oldest sample. Samples come in time order; one
 * older than the newest is stored at the newest's time, so the ring stays sorted for the window's
 * binary search. Not thread-safe: {@link TimeSeriesStore} guards it.
 */
final class SampleRing {

    private static final int FIRST_SIZE = 256;

    private final int capacity;
    private long[] times;
    private double[] values;
    private int head;
    private int size;

    SampleRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a ring holds at least one sample, not " + capacity);
        }
        this.capacity = capacity;
        int first = Math.min(capacity, FIRST_SIZE);
        times = new long[first];
        values = new double[first];
    }

    int size() {
        return size;
    }

    long newestTime() {
        return size == 0 ? Long.MIN_VALUE : timeAt(size - 1);
    }

    long timeAt(int i) {
        return times[(head + i) % times.length];
    }

    double valueAt(int i) {
        return values[(head + i) % values.length];
    }

    void add(long time, double value) {
        long t = Math.max(time, newestTime());
        if (size == times.length && times.length < capacity) {
            grow();
        }
        if (size == times.length) {
            times[head] = t;
            values[head] = value;
            head = (head + 1) % times.length;
            return;
        }
        int at = (head + size) % times.length;
        times[at] = t;
        values[at] = value;
        size++;
    }

    private void grow() {
        int bigger = (int) Math.min(capacity, times.length * 2L);
        long[] t = new long[bigger];
        double[] v = new double[bigger];
        for (int i = 0; i < size; i++) {
            t[i] = timeAt(i);
            v[i] = valueAt(i);
        }
        times = t;
        values = v;
        head = 0;
    }

    /** Forgets the samples older than {@code time}. */
    void dropBefore(long time) {
        while (size > 0 && times[head] < time) {
            head = (head + 1) % times.length;
            size--;
        }
    }

    /** The index of the first sample at or after {@code time} (size when none). */
    int firstAtOrAfter(long time) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timeAt(mid) < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The samples from {@code from} to {@code to} (both included), copied. */
    SeriesWindow window(long from, long to) {
        int first = firstAtOrAfter(from);
        int end = firstAtOrAfter(to == Long.MAX_VALUE ? to : to + 1);
        int n = Math.max(0, end - first);
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = timeAt(first + i);
            v[i] = valueAt(first + i);
        }
        return new SeriesWindow(t, v);
    }
}
