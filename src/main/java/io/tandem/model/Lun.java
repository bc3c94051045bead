package io.tandem.model;

/** A logical unit backed by the DRBD device of {@code resource}. */
public record Lun(
        Integer number,
        String resource,
        @OptionalField String serial,
        @OptionalField String productId) {
}
