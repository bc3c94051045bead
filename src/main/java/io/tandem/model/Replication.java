package io.tandem.model;

import java.util.List;

/** DRBD settings shared by all resources, and the resources themselves. */
public record Replication(
        ReplicationProtocol protocol,
        @OptionalField String syncRate,
        @OptionalField DynamicResync dynamicResync,
        String verifyAlgorithm,
        String hmacAlgorithm,
        Secret sharedSecret,
        SplitBrainPolicy splitBrain,
        Fencing fencing,
        Integer alExtents,
        String onIoError,
        Integer degradedWaitSeconds,
        List<DrbdResource> resources,
        @OptionalField InitialSync initialSync,
        @OptionalField PeerTimeouts peerTimeouts) {

    public Replication {
        resources = resources == null ? null : List.copyOf(resources);
    }

    /** The project's DRBD peer timeouts, or DRBD's defaults when it sets none. */
    public PeerTimeouts peerTimeoutsOrDefault() {
        return peerTimeouts == null ? PeerTimeouts.DRBD_DEFAULTS : peerTimeouts;
    }

    public InitialSync initialSyncOrDefault() {
        return initialSync == null ? InitialSync.FULL : initialSync;
    }
}
