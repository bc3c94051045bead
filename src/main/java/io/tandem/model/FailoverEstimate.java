package io.tandem.model;

/**
 * How long a failover usually takes (the token timeout twice, half an operation timeout, and what
 * fencing adds), and the replacement timeout Tandem suggests for it. One figure for the validator's
 * warning, the wizard's default for a new initiator and the wizard's advice, so they never disagree.
 */
public final class FailoverEstimate {

    private FailoverEstimate() {
    }

    public static int seconds(ClusterSettings cluster) {
        Stonith stonith = cluster.stonith();
        return seconds(cluster.tokenMs(), cluster.operationTimeoutSeconds(), stonith.type(),
                stonith.sbd() == null ? null : stonith.sbd().msgwaitTimeout());
    }

    /** {@code msgwaitSeconds} counts only for SBD (fencing completes after it); null when unknown. */
    public static int seconds(int tokenMs, int operationTimeoutSeconds, StonithType fencing, Integer msgwaitSeconds) {
        return tokenMs / 1000 * 2 + operationTimeoutSeconds / 2 + fencingSeconds(fencing, msgwaitSeconds);
    }

    /** Twice the estimate, rounded up to ten seconds: a failover slower than usual still reaches applications as a pause. */
    public static int suggestedReplacementTimeout(int failoverSeconds) {
        return (failoverSeconds * 2 + 9) / 10 * 10;
    }

    /** What fencing adds: the delay before the preferred node is fenced, and SBD's msgwait. */
    private static int fencingSeconds(StonithType fencing, Integer msgwaitSeconds) {
        if (fencing == null || fencing == StonithType.NONE) {
            return 0;
        }
        return Stonith.PREFERRED_NODE_FENCE_DELAY_SECONDS + (fencing == StonithType.SBD && msgwaitSeconds != null ? msgwaitSeconds : 0);
    }
}
