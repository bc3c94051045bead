package io.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which stack the generated files are for. */
public enum Profile {
    /** Corosync/Pacemaker + LIO or tgt + DRBD 8.4/9 on Debian or Ubuntu: what Tandem deploys. */
    @JsonProperty("modern") MODERN,
    /** The 2009 tutorial's Heartbeat + IET file set, for audits of older clusters; export only. */
    @JsonProperty("legacy") LEGACY
}
