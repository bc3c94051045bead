package io.tandem.facts;

/**
 * What the kernel knows about a NIC's hardware. {@code speedMbps} is null when the kernel does not
 * know it: link down, virtio and most virtual devices report -1 or nothing. {@code driver} is null
 * for devices without a bus device behind them (bridges, bonds, veth, ifb).
 */
public record NicHardware(String name, Integer speedMbps, String driver) {
}
