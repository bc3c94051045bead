package io.tandem.gui.apply;

/** One reading of a DRBD initial sync: seconds since the sync step started, percent copied, rate in MiB/s. */
public record SyncSample(String resource, double seconds, double percent, double mibPerSecond) {
}
