package io.tandem.monitor;

/**
 * One reason for the verdict: how bad it is, a stable {@code code} for scripts ("drbd.disconnected"),
 * what it is about ({@code subject}: "r0", "node2", "bond1 on node1"), and in plain words what is
 * wrong and what to do. A finding of severity {@link Verdict#HEALTHY} is a note: worth knowing,
 * no risk.
 */
public record Finding(Verdict severity, String code, String subject, String reason, String fix) {
}
