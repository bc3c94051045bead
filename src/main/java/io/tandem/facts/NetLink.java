package io.tandem.facts;

import java.util.List;

/**
 * One network interface from {@code ip -j link}.
 *
 * <p>{@code mac} is the address in use; a bond gives all its slaves the bond's address, so the
 * slave's own address is in {@code permanentMac} (iproute2's {@code permaddr}, null when it equals
 * {@code mac}). {@code master} is the bond or bridge it is enslaved to, or null. {@code linkKind}
 * ({@code bond}, {@code bridge}, {@code veth}, …) and {@code slaveKind} come from {@code linkinfo},
 * which only {@code ip -d} prints; both are null without it and for physical NICs.
 */
public record NetLink(
        String name,
        int index,
        String mac,
        String permanentMac,
        int mtu,
        String operState,
        List<String> flags,
        String master,
        String linkKind,
        String slaveKind) {

    public NetLink {
        flags = List.copyOf(flags);
    }

    /** The cable is plugged and the peer is up (the kernel's LOWER_UP); NO-CARRIER otherwise. */
    public boolean carrier() {
        return flags.contains("LOWER_UP");
    }

    /** Administratively up ({@code ip link set … up}), whatever the carrier. */
    public boolean isUp() {
        return flags.contains("UP");
    }

    public boolean isLoopback() {
        return flags.contains("LOOPBACK");
    }
}
