package io.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the cluster fences a node it has lost. */
public enum StonithType {
    /** No fencing. Only acceptable in a lab: a partition can make both nodes primary. */
    @JsonProperty("none") NONE("none"),
    /** IPMI/BMC power control, one device per node. */
    @JsonProperty("fence_ipmilan") IPMI("fence_ipmilan");

    private final String agent;

    StonithType(String agent) {
        this.agent = agent;
    }

    public String agent() {
        return agent;
    }
}
