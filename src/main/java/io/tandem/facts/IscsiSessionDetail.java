package io.tandem.facts;

import java.util.List;

/**
 * One open-iscsi session as {@code iscsiadm -m session -P 3} describes it: the target and the
 * portal it is logged in to, the initiator name it used, its states ("LOGGED_IN"; "FAILED" while it
 * waits for the target to come back), its replacement timeout ("Recovery Timeout", seconds; null
 * when not printed) and the disks attached through it by LUN.
 */
public record IscsiSessionDetail(String targetIqn, String portal, int portalGroupTag, Integer sessionId, String initiatorName,
                                 String connectionState, String sessionState, Integer recoveryTimeoutSeconds, List<Disk> disks) {

    public IscsiSessionDetail {
        disks = List.copyOf(disks);
    }

    public boolean loggedIn() {
        return "LOGGED_IN".equals(sessionState);
    }

    /** A SCSI disk the session attached: LUN, kernel name ("sdb") and its state ("running"). */
    public record Disk(int lun, String device, String state) {
    }
}
