package io.tandem.model;

/**
 * A filesystem to create and mount; {@code uuid} is filled in once it exists. On an initiator,
 * {@code lun} says which LUN carries it (the first LUN when absent).
 */
public record Filesystem(
        @OptionalField Integer lun,
        String type,
        String mountPoint,
        String options,
        @OptionalField String uuid) {
}
