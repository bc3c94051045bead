package io.tandem.render;

/** Whether secrets are written out or replaced by {@code <redacted:NAME>}. */
public enum SecretPolicy {
    REDACT, REVEAL
}
