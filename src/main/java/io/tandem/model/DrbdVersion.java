package io.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The DRBD kernel module generation a node runs; it decides the configuration syntax. */
public enum DrbdVersion {
    /** The in-kernel module of Debian/Ubuntu kernels. */
    @JsonProperty("8.4") V8_4,
    /** DRBD 9 from LINBIT packages. */
    @JsonProperty("9") V9
}
