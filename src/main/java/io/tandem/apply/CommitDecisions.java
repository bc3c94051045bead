package io.tandem.apply;

import io.tandem.apply.NetworkCommitResult.State;

import java.util.Optional;

/** The decisions of a commit-confirmed network change, as pure functions of what Tandem saw. */
public final class CommitDecisions {

    /** What to do once Tandem is back on the node over the new settings and has the activation's status. */
    public enum AfterActivation {
        /** Activation exited 0: run the caller's check, then confirm. */
        CHECK_THEN_COMMIT,
        /** Activation failed: start the rollback now instead of waiting out the window. */
        ROLL_BACK_NOW,
        /** Still running at the end of the window, or skipped because the rollback already began: let the node roll back. */
        LET_IT_ROLL_BACK
    }

    private CommitDecisions() {
    }

    public static AfterActivation afterActivation(String activateStatus) {
        if ("0".equals(activateStatus)) {
            return AfterActivation.CHECK_THEN_COMMIT;
        }
        if (activateStatus.matches("[0-9]{1,3}")) {
            return AfterActivation.ROLL_BACK_NOW;
        }
        return AfterActivation.LET_IT_ROLL_BACK;
    }

    /**
     * After the window, from what a reconnect (old settings first, then new) saw of the node, or
     * nothing when neither answered: the final state, or empty to look again a little later.
     * Once {@code pastDeadline} (window plus grace over), every case has an answer.
     */
    public static Optional<State> afterWindow(Optional<RollbackObservation> seen, boolean pastDeadline) {
        if (seen.isEmpty()) {
            return pastDeadline ? Optional.of(State.UNREACHABLE) : Optional.empty();
        }
        RollbackObservation node = seen.get();
        return switch (node.decided()) {
            case COMMIT -> Optional.of(State.COMMITTED);
            case STATE_MISSING -> Optional.of(State.ROLLBACK_UNCONFIRMED);
            case ROLLBACK -> node.rolledBack().isPresent() ? Optional.of(State.ROLLED_BACK)
                    : pastDeadline ? Optional.of(State.ROLLBACK_UNCONFIRMED) : Optional.empty();
            case NONE -> pastDeadline ? Optional.of(State.ROLLBACK_UNCONFIRMED) : Optional.empty();
        };
    }
}
