package io.tandem.facts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /proc/diskstats}: a line per block device, {@code MAJOR MINOR NAME} and then 11 counters
 * (kernels before 4.18), 15 (with discards) or 17 (with flushes). Only the first 9 are read:
 * reads completed, merged, sectors, milliseconds reading, writes completed, merged, sectors,
 * milliseconds writing, I/Os in flight. Reading the file costs the disk nothing: the kernel keeps
 * the counters whatever happens.
 */
public final class DiskStatsParser {

    public static final String FACT = "/proc/diskstats";
    private static final int FIRST_COUNTER = 3;
    private static final int OLDEST_FIELD_COUNT = FIRST_COUNTER + 11;

    private DiskStatsParser() {
    }

    /** The counters by device name ("sdb"), in the kernel's order. */
    public static Map<String, DiskCounters> parse(String output) throws FactParseException {
        Map<String, DiskCounters> disks = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            if (f.length < OLDEST_FIELD_COUNT) {
                throw new FactParseException(FACT, "expected MAJOR MINOR NAME and at least 11 counters, got: " + line.strip());
            }
            try {
                disks.put(f[2], new DiskCounters(f[2], counter(f, 0), counter(f, 3), counter(f, 4), counter(f, 7), counter(f, 8)));
            } catch (NumberFormatException e) {
                throw new FactParseException(FACT, "a counter is not a whole number in: " + line.strip());
            }
        }
        return disks;
    }

    private static long counter(String[] fields, int index) {
        long value = Long.parseLong(fields[FIRST_COUNTER + index]);
        if (value < 0) {
            throw new NumberFormatException("negative");
        }
        return value;
    }
}
