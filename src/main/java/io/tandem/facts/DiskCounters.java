package io.tandem.facts;

/**
 * One block device's I/O counters as the kernel keeps them since boot ({@code /proc/diskstats},
 * the same fields as {@code /sys/block/DEV/stat}): completed reads and writes, the milliseconds
 * they spent (counted when each I/O completes) and the I/Os in flight now.
 */
public record DiskCounters(String device, long readsCompleted, long readMillis, long writesCompleted, long writeMillis, long inFlight) {

    /** The kernel prints the time fields as a 32-bit unsigned count of milliseconds: they wrap after 49.7 days of busy time. */
    static final long TICKS_WRAP = 1L << 32;

    /**
     * What the disk did between {@code earlier} and these counters: the I/Os completed and the
     * time they took in all. Empty when the counters went backwards (the disk was removed and
     * added again, as a re-login of an iSCSI session does), so the two reads are not comparable.
     */
    public java.util.Optional<Activity> since(DiskCounters earlier) {
        long reads = readsCompleted - earlier.readsCompleted;
        long writes = writesCompleted - earlier.writesCompleted;
        if (reads < 0 || writes < 0) {
            return java.util.Optional.empty();
        }
        long millis = ticks(readMillis, earlier.readMillis) + ticks(writeMillis, earlier.writeMillis);
        return java.util.Optional.of(new Activity(reads + writes, millis, inFlight));
    }

    private static long ticks(long now, long before) {
        long d = now - before;
        return d < 0 && before < TICKS_WRAP ? d + TICKS_WRAP : Math.max(0, d);
    }

    /**
     * I/Os completed between two reads, the milliseconds they took together, and the I/Os in
     * flight at the second read. An I/O that has not completed is not counted yet: while a
     * target is away, {@code ios} stays 0 and {@code inFlight} shows the I/Os waiting for it.
     */
    public record Activity(long ios, long millis, long inFlight) {

        /** The mean time one I/O took; NaN without I/O. */
        public double averageMillis() {
            return ios == 0 ? Double.NaN : (double) millis / ios;
        }
    }
}
