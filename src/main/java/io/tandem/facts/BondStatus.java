package io.tandem.facts;

import io.tandem.model.BondMode;

import java.util.List;
import java.util.Optional;

/**
 * A bond as the bonding driver reports it in {@code /proc/net/bonding/NAME}. Delays are in
 * milliseconds; {@code primarySlave} and {@code activeSlave} are null when the mode has none
 * (round-robin) or none is chosen.
 */
public record BondStatus(
        String name,
        String modeText,
        String miiStatus,
        int miimonMs,
        int upDelayMs,
        int downDelayMs,
        String primarySlave,
        String activeSlave,
        List<Slave> slaves) {

    public BondStatus {
        slaves = List.copyOf(slaves);
    }

    /** How the bonding driver names each mode in this file (it prints descriptions, not the names it accepts). */
    private static final java.util.Map<BondMode, String> DRIVER_TEXT = java.util.Map.of(
            BondMode.BALANCE_RR, "load balancing (round-robin)",
            BondMode.ACTIVE_BACKUP, "fault-tolerance (active-backup)",
            BondMode.BALANCE_XOR, "load balancing (xor)",
            BondMode.BROADCAST, "fault-tolerance (broadcast)",
            BondMode.LACP, "IEEE 802.3ad Dynamic link aggregation",
            BondMode.BALANCE_TLB, "transmit load balancing",
            BondMode.BALANCE_ALB, "adaptive load balancing");

    /** The mode in Tandem's terms. */
    public Optional<BondMode> mode() {
        return DRIVER_TEXT.entrySet().stream().filter(e -> e.getValue().equals(modeText)).map(java.util.Map.Entry::getKey).findFirst();
    }

    /** The "Bonding Mode:" text the driver prints for {@code mode}. */
    public static String driverText(BondMode mode) {
        return DRIVER_TEXT.get(mode);
    }

    public boolean isUp() {
        return "up".equals(miiStatus);
    }

    public Optional<Slave> slave(String slaveName) {
        return slaves.stream().filter(s -> s.name().equals(slaveName)).findFirst();
    }

    /**
     * One enslaved NIC. {@code speedMbps} is null when the driver says "Unknown" (virtio) or does
     * not say (old drivers); {@code linkFailureCount} counts MII down events since enslaving.
     */
    public record Slave(String name, String miiStatus, Integer speedMbps, int linkFailureCount, String permanentMac) {

        public boolean isUp() {
            return "up".equals(miiStatus);
        }
    }
}
