package io.tandem.model;

/**
 * The lower-level device of a DRBD resource on one node, and where its metadata lives:
 * {@code "internal"}, or an external device with an optional index (8.4 indexed meta-disk).
 */
public record Backing(
        String node,
        String disk,
        String metaDisk,
        @OptionalField Integer metaIndex) {

    public static final String INTERNAL = "internal";

    public boolean internalMetadata() {
        return INTERNAL.equals(metaDisk);
    }

    /** The {@code meta-disk} value as DRBD writes it: {@code internal}, {@code /dev/x} or {@code /dev/x[index]}. */
    public String metaDiskSpec() {
        if (internalMetadata()) {
            return INTERNAL;
        }
        return metaIndex == null ? metaDisk : metaDisk + "[" + metaIndex + "]";
    }
}
