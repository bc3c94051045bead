package io.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The operating systems Tandem writes configuration for; the choice decides e.g. ifupdown vs netplan. */
public enum OperatingSystem {
    @JsonProperty("debian-12") DEBIAN_12("Debian 12", false),
    @JsonProperty("ubuntu-22.04") UBUNTU_22_04("Ubuntu 22.04", true),
    @JsonProperty("ubuntu-24.04") UBUNTU_24_04("Ubuntu 24.04", true),
    /** The tutorial's release; only meaningful for the legacy profile. */
    @JsonProperty("ubuntu-9.04") UBUNTU_9_04("Ubuntu 9.04", false),
    /** A client Tandem does not log in to (Windows, VMware, …): its settings are entered by hand. */
    @JsonProperty("other") OTHER("another system, set up by hand", false);

    private final String displayName;
    private final boolean netplan;

    OperatingSystem(String displayName, boolean netplan) {
        this.displayName = displayName;
        this.netplan = netplan;
    }

    public String displayName() {
        return displayName;
    }

    /** True when the network is configured with netplan rather than ifupdown. */
    public boolean usesNetplan() {
        return netplan;
    }
}
