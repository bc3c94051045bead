package io.tandem.plan;

/** The order in which steps run; within a phase each host's steps run in order, hosts side by side. */
public enum Phase {
    PACKAGES("Packages"),
    SERVICES("Services the packages started"),
    FILES("Configuration files"),
    NETWORK("Network (bonds and addresses, with commit-confirm)"),
    DISKS("Disks"),
    REPLICATION("DRBD replication"),
    CLUSTER("Cluster manager"),
    RESOURCES("Cluster resources"),
    INITIATORS("Initiators");

    private final String title;

    Phase(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
