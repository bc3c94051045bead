package io.tandem.apply;

/**
 * A problem the user can switch on in the demo to see what the monitoring view says about it
 * ({@link SimulatedCluster#setFault}). Each is shown in the real tools' formats on the hosts it
 * affects, so the real parsers and health rules judge it. "Serving node" is the node the target
 * runs on (the project's preferred node), "standby node" the other.
 */
public enum DemoFault {
    REPLICATION_LINK_DOWN("Replication link down",
            "The replication link to the standby node is cut, so DRBD disconnects and the standby copy stops receiving changes."),
    BOND_SLAVE_DOWN("Bond NIC down",
            "The serving node's primary NIC on the client network loses its link, so its bond fails over to the other NIC and runs on one."),
    NODE_LOST("Node lost",
            "The standby node loses power: it stops answering, the cluster counts it offline and the serving node keeps the only copy."),
    SPLIT_BRAIN("Split brain",
            "Both nodes changed the data while they were apart, so DRBD refuses to reconnect until one side's changes are discarded.");

    private final String label;
    private final String description;

    DemoFault(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** A menu entry: "Replication link down". */
    public String label() {
        return label;
    }

    /** One sentence: what the fault simulates. */
    public String description() {
        return description;
    }
}
