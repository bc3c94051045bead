package io.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** DRBD's fencing policy ({@code fencing} in the disk section for 8.4, net section for 9). */
public enum Fencing {
    @JsonProperty("dont-care") DONT_CARE("dont-care"),
    @JsonProperty("resource-only") RESOURCE_ONLY("resource-only"),
    @JsonProperty("resource-and-stonith") RESOURCE_AND_STONITH("resource-and-stonith");

    private final String keyword;

    Fencing(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
