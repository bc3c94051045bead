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
}
