package io.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a replicated DRBD device is used for. */
public enum ResourcePurpose {
    /** Exported as an iSCSI LUN. */
    @JsonProperty("lun") LUN,
    /** Carries a filesystem with the target's configuration (the legacy tutorial's iscsi.config). */
    @JsonProperty("config-filesystem") CONFIG_FILESYSTEM
}
