package io.tandem.model;

/** open-iscsi timeouts in seconds; {@code replacementTimeout} must outlast a failover. */
public record InitiatorTimeouts(
        Integer replacementTimeout,
        Integer loginTimeout,
        Integer logoutTimeout,
        Integer noopOutInterval,
        Integer noopOutTimeout,
        Integer abortTimeout,
        Integer luResetTimeout,
        Integer initialLoginRetryMax) {
}
