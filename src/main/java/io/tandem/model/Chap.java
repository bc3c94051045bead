package io.tandem.model;

/**
 * CHAP credentials. {@code incoming}: the initiator proves itself to the target. {@code outgoing}:
 * the target proves itself to the initiator (mutual CHAP). {@code discovery}: for SendTargets.
 */
public record Chap(
        Credentials incoming,
        @OptionalField Credentials outgoing,
        @OptionalField Credentials discovery) {
}
