package io.tandem.model;

/**
 * DRBD's dynamic resync-rate controller: {@code c-plan-ahead} (tenths of a second),
 * {@code c-fill-target}, {@code c-min-rate}, {@code c-max-rate}.
 */
public record DynamicResync(Integer planAhead, String fillTarget, String minRate, String maxRate) {
}
