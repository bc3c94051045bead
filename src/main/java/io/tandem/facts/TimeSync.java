package io.tandem.facts;

/**
 * Whether the clock follows a time source. {@code source} is the server (address or name) or null
 * when the tool does not say (timedatectl) or there is none; {@code offsetSeconds} is system time
 * minus source time (positive: the clock is ahead), null when unknown or meaningless (not synced).
 * A chronyd serving only its own clock ({@code local stratum}) counts as not synced: its peers'
 * clocks would agree with nothing.
 */
public record TimeSync(boolean synced, String source, Double offsetSeconds) {
}
