package io.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The iSCSI target software; the value is the resource agents' {@code implementation} parameter. */
public enum TargetImplementation {
    @JsonProperty("lio-t") LIO_T("lio-t"),
    @JsonProperty("tgt") TGT("tgt");

    private final String agentName;

    TargetImplementation(String agentName) {
        this.agentName = agentName;
    }

    public String agentName() {
        return agentName;
    }
}
