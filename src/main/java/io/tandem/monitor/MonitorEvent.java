package io.tandem.monitor;

import java.time.Instant;

/**
 * A change the monitor saw, for the event log: the verdict moving ({@code verdict}), a problem
 * appearing ({@code appeared}) or going away ({@code cleared}), a host's data going stale
 * ({@code stale}) or fresh again ({@code back}). {@code severity} is the finding's (or the new
 * verdict's); a cleared problem keeps the severity it had, so a log filtered by severity shows
 * both ends of it.
 */
public record MonitorEvent(Instant at, String kind, Verdict severity, String code, String subject, String text) {
}
