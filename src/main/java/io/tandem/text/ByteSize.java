package io.tandem.text;

import java.util.Locale;

/** A size for an operator: "10.0 GiB (10737418240 bytes)", exact enough to tell two disks apart. */
public final class ByteSize {

    private ByteSize() {
    }

    public static String describe(long bytes) {
        return approximate(bytes) + " (" + bytes + " bytes)";
    }

    /** "10.0 GiB", "62 MiB", "512 bytes". */
    public static String approximate(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
        }
        return bytes + " bytes";
    }
}
