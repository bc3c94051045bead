package io.tandem.model;

import java.util.List;

/**
 * Node fencing: the agent and what it needs. IPMI and libvirt take one device per node; SBD takes
 * the shared disks and the watchdog in {@code sbd}.
 */
public record Stonith(StonithType type, @OptionalField List<FenceDevice> devices, @OptionalField Sbd sbd) {

    public Stonith {
        devices = devices == null ? List.of() : List.copyOf(devices);
    }
}
