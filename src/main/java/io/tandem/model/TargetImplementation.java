package io.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The iSCSI target software and the resource agents that run it in the modern profile.
 * {@code lio}: the kernel's target through Tandem's own agent (ocf:tandem:LioTarget, configfs
 * directly; mutual and discovery CHAP). {@code lio-t}: the kernel's target through the stock
 * iSCSITarget/iSCSILogicalUnit agents (targetcli). {@code tgt}: the user-space target, stock agents,
 * plus Tandem's ocf:tandem:TgtMutualChap for mutual CHAP.
 */
public enum TargetImplementation {
    @JsonProperty("lio") LIO("lio"),
    @JsonProperty("lio-t") LIO_T("lio-t"),
    @JsonProperty("tgt") TGT("tgt");

    private final String agentName;

    TargetImplementation(String agentName) {
        this.agentName = agentName;
    }

    /** The value in the project file; for lio-t and tgt also the stock agents' {@code implementation} parameter. */
    public String agentName() {
        return agentName;
    }
}
