package io.tandem.model;

/** Cluster manager settings: Corosync/Pacemaker for modern, Heartbeat for legacy. */
public record ClusterSettings(
        String preferredNode,
        Integer tokenMs,
        Boolean twoNode,
        Integer resourceStickiness,
        Integer operationTimeoutSeconds,
        Stonith stonith,
        @OptionalField Heartbeat heartbeat,
        @OptionalField QuorumDevice quorumDevice) {

    public java.util.Optional<QuorumDevice> witness() {
        return java.util.Optional.ofNullable(quorumDevice);
    }
}
