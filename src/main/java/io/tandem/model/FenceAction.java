package io.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What fencing does to the lost node (Pacemaker's {@code stonith-action}): power it off and on again
 * (the default), or only off. Off is done sooner (a BMC reports a node off seconds before it reports
 * it on again) and leaves a node that failed for someone to look at, but the pair then runs on one
 * node until that node is powered on by hand.
 */
public enum FenceAction {
    @JsonProperty("reboot") REBOOT("reboot"),
    @JsonProperty("off") OFF("off");

    private final String keyword;

    FenceAction(String keyword) {
        this.keyword = keyword;
    }

    /** The value of Pacemaker's {@code stonith-action}. */
    public String keyword() {
        return keyword;
    }
}
