package io.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** DRBD replication protocol; C (synchronous) is the only one that loses nothing on failover. */
public enum ReplicationProtocol {
    @JsonProperty("A") A,
    @JsonProperty("B") B,
    @JsonProperty("C") C
}
