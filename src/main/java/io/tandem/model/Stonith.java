package io.tandem.model;

import java.util.List;

/**
 * Node fencing: the agent and what it needs. IPMI and libvirt take one device per node; SBD takes
 * the shared disks and the watchdog in {@code sbd}. {@code action}: reboot the lost node (when
 * absent) or switch it off.
 */
public record Stonith(StonithType type, @OptionalField List<FenceDevice> devices, @OptionalField Sbd sbd,
        @OptionalField FenceAction action) {

    /**
     * How long the cluster waits before fencing the preferred node. When the nodes lose each other
     * and both try to fence at once, the node that normally serves the target wins the race
     * instead of both powering off ("fence death match").
     */
    public static final int PREFERRED_NODE_FENCE_DELAY_SECONDS = 15;

    public Stonith {
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    public Stonith(StonithType type, List<FenceDevice> devices, Sbd sbd) {
        this(type, devices, sbd, null);
    }

    /** What fencing does to a node: {@code action}, rebooting it when the project does not say. */
    public FenceAction afterFencing() {
        return action == null ? FenceAction.REBOOT : action;
    }

    /** True when a fenced node is switched off and stays off: fencing is on and its action is {@code off}. */
    public boolean leavesNodeOff() {
        return type != StonithType.NONE && afterFencing() == FenceAction.OFF;
    }
}
