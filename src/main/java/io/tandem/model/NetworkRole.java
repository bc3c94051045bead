package io.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The two networks of the cluster. */
public enum NetworkRole {
    /** Where initiators reach the target through the virtual IP. */
    @JsonProperty("client") CLIENT("client"),
    /** The private link that carries DRBD replication (and a second Corosync link). */
    @JsonProperty("replication") REPLICATION("replication");

    private final String jsonName;

    NetworkRole(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
