package io.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the cluster fences a node it has lost. */
public enum StonithType {
    /** No fencing. Only acceptable in a lab: a partition can make both nodes primary. */
    @JsonProperty("none") NONE("none"),
    /** IPMI/BMC power control, one device per node. */
    @JsonProperty("fence_ipmilan") IPMI("fence_ipmilan"),
    /** Storage-based death: poison-pill messages on shared disks, enforced by each node's watchdog. */
    @JsonProperty("fence_sbd") SBD("fence_sbd"),
    /** The nodes are libvirt virtual machines; their host destroys the lost one, reached over SSH. */
    @JsonProperty("fence_virsh") VIRSH("fence_virsh");

    private final String agent;

    StonithType(String agent) {
        this.agent = agent;
    }

    public String agent() {
        return agent;
    }

    /** True for the agents that need one {@link FenceDevice} per node. */
    public boolean perNodeDevices() {
        return this == IPMI || this == VIRSH;
    }
}
