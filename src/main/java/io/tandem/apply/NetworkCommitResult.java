package io.tandem.apply;

import java.time.Duration;
import java.util.Optional;

/**
 * How a commit-confirmed network change ended, with a message a person can act on.
 *
 * @param reason       why it did not commit (empty when it did), in plain words
 * @param rolledBack   the node's rollback marker line ({@code at=… files=… reactivate-exit=…}) when seen
 * @param answeredOn   the login ({@code user@host}) that answered last, empty when none did
 */
public record NetworkCommitResult(State state, String id, String stateDir, String reason, Optional<String> rolledBack,
                                  Optional<String> answeredOn, Duration elapsed) {

    public NetworkCommitResult {
        reason = reason.strip().replaceAll("[.\\s]+$", "");
    }

    public enum State {
        /** The new configuration answered (and passed the check); the rollback is disarmed. */
        COMMITTED,
        /** Tandem did not confirm the change and the node put its old files back itself; Tandem saw the marker. */
        ROLLED_BACK,
        /** Neither the new nor the old login answered after the window and grace: the node needs its console. */
        UNREACHABLE,
        /** The node answers but has no rollback marker: the files may be the new ones, unconfirmed. */
        ROLLBACK_UNCONFIRMED,
        /** Saving the files or arming the rollback failed: nothing was written. */
        NOT_APPLIED
    }

    public boolean committed() {
        return state == State.COMMITTED;
    }

    /** What happened and, unless committed, what the operator should do. */
    public String message() {
        String d = stateDir;
        return switch (state) {
            case COMMITTED -> "The network change " + id + " works: Tandem reconnected over the new configuration"
                    + answeredOn.map(a -> " (" + a + ")").orElse("") + " and disarmed the rollback. The old files are kept in " + d + "/files.";
            case ROLLED_BACK -> "The network change " + id + " was rolled back: " + reason + ". The node put its previous network "
                    + "files back and re-activated them (" + rolledBack.orElse("") + ")"
                    + (rolledBack.map(RollbackObservation::isCleanMarker).orElse(false) ? "; it answers again"
                    + answeredOn.map(a -> " as " + a).orElse("") + ". Nothing else changed: fix the network settings and apply again."
                    : ", but not everything went well: look at " + d + "/rolled-back and " + d + "/reactivate.log on the node.");
            case UNREACHABLE -> "Neither the new nor the old network configuration answers SSH after the rollback window of network "
                    + "change " + id + " (" + reason + "). The node should have put its previous network files back; reach it through "
                    + "its console (IPMI, iDRAC, KVM or a monitor) and, as root: cat " + d + "/rolled-back shows whether and when it "
                    + "rolled back; if that file is missing, run sh " + d + "/restore.sh; if it is there, check the cabling and the "
                    + "switch ports, and " + d + "/reactivate.log.";
            case ROLLBACK_UNCONFIRMED -> "The network change " + id + " was not confirmed (" + reason + "), and the node answers"
                    + answeredOn.map(a -> " as " + a).orElse("") + " but shows no finished rollback in " + d + ". Its network "
                    + "files may be the new ones. Look at " + d + " on the node (manifest, decided/by, activate.log); to put "
                    + "the old files back run sh " + d + "/restore.sh as root (remove " + d + "/decided first if it exists).";
            case NOT_APPLIED -> "The network change " + id + " was not applied: " + reason + ". No network file was written.";
        };
    }
}
