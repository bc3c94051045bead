package io.tandem.facts;

import java.time.Duration;

/**
 * One minor of {@code /proc/drbd} (DRBD 8.4): connection state ({@code cs}), roles ({@code ro},
 * own/peer), disk states ({@code ds}, own/peer) and the KiB known to be out of sync. An
 * unconfigured minor has only its connection state {@code Unconfigured}; the other texts are null.
 * {@code sync} is present while a resync or online verify runs.
 */
public record DrbdDeviceState(
        int minor,
        String connectionState,
        String role,
        String peerRole,
        String diskState,
        String peerDiskState,
        long outOfSyncKiB,
        SyncProgress sync) {

    public boolean isConfigured() {
        return !"Unconfigured".equals(connectionState);
    }

    public boolean isSyncing() {
        return sync != null;
    }

    /**
     * A running resync (or verify): percent done, KiB left of KiB total (the kernel rounds to MiB
     * above 4 GiB), its estimate of the time left and the recent speed.
     */
    public record SyncProgress(boolean verify, double percentDone, long remainingKiB, long totalKiB, Duration finish,
                               long speedKiBPerSecond) {
    }
}
