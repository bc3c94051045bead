package io.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the two sides of a new DRBD device are made equal the first time. */
public enum InitialSync {
    /** Copy every block from the primary: always safe, takes size ÷ link speed. */
    @JsonProperty("full") FULL,
    /** Mark both sides in sync without copying: only for brand-new disks that were never written. */
    @JsonProperty("skip-new-disks") SKIP_NEW_DISKS
}
