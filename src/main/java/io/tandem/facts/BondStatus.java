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

    /** The mode in Tandem's terms; the driver prints descriptions, not the names it accepts. */
    public Optional<BondMode> mode() {
        return Optional.ofNullable(switch (modeText) {
            case "load balancing (round-robin)" -> BondMode.BALANCE_RR;
            case "fault-tolerance (active-backup)" -> BondMode.ACTIVE_BACKUP;
            case "load balancing (xor)" -> BondMode.BALANCE_XOR;
            case "fault-tolerance (broadcast)" -> BondMode.BROADCAST;
            case "IEEE 802.3ad Dynamic link aggregation" -> BondMode.LACP;
            case "transmit load balancing" -> BondMode.BALANCE_TLB;
            case "adaptive load balancing" -> BondMode.BALANCE_ALB;
            default -> null;
        });
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
