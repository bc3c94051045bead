package io.tandem.monitor;

import java.time.Instant;

/**
 * An event drawn on the charts' time axis: a problem appearing (a node down, a link down), its
 * end, the target moving to the other node, or a step of a test ("failover started").
 */
public record ChartMarker(Instant at, Kind kind, String text) {

    public enum Kind {
        /** Something broke: a node or a link down, a split brain. */
        FAULT,
        /** It came back. */
        RECOVERY,
        /** The target moved to the other node. */
        MOVE,
        /** A step of a test the operator started (failover started, finished). */
        TEST
    }
}
