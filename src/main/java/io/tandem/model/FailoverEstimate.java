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
                stonith.sbd() == null ? null : stonith.sbd().msgwaitTimeout(), cluster.witness().isPresent());
    }

    /**
     * {@code msgwaitSeconds} counts only for SBD (fencing completes after it); null when unknown.
     * With a quorum device ({@code witness}) fencing has no delay.
     */
    public static int seconds(int tokenMs, int operationTimeoutSeconds, StonithType fencing, Integer msgwaitSeconds, boolean witness) {
        return tokenMs / 1000 * 2 + operationTimeoutSeconds / 2 + fencingSeconds(fencing, msgwaitSeconds, witness);
    }

    /** Twice the estimate, rounded up to ten seconds: a failover slower than usual still reaches applications as a pause. */
    public static int suggestedReplacementTimeout(int failoverSeconds) {
        return (failoverSeconds * 2 + 9) / 10 * 10;
    }

    /** What fencing adds: the delay before the preferred node is fenced (none with a quorum device), and SBD's msgwait. */
    private static int fencingSeconds(StonithType fencing, Integer msgwaitSeconds, boolean witness) {
        if (fencing == null || fencing == StonithType.NONE) {
            return 0;
        }
        return (witness ? 0 : Stonith.PREFERRED_NODE_FENCE_DELAY_SECONDS) + (fencing == StonithType.SBD && msgwaitSeconds != null ? msgwaitSeconds : 0);
    }
}
