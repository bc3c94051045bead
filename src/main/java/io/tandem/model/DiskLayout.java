package io.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What Tandem does with a chosen backing device before DRBD uses it. */
public enum DiskLayout {
    /** DRBD uses the device as it is: no partition table. */
    @JsonProperty("whole-device") WHOLE_DEVICE,
    /**
     * A GPT with one partition spanning the device, named {@code tandem-<resource>}, and DRBD on
     * that partition: anyone looking at the disk later sees it is in use, and by what.
     */
    @JsonProperty("gpt-partition") GPT_PARTITION
}
