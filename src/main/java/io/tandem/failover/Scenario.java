package io.tandem.failover;

import java.util.Arrays;
import java.util.Optional;

/** The failover tests Tandem runs, each with the name the command line takes and what it does in plain words. */
public enum Scenario {
    SWITCHOVER("switchover", "planned switchover",
            "moves the storage to the other node and, once clients write again, back: the way an operator empties a node for maintenance"),
    CRASH_ACTIVE("crash-active", "active node crash",
            "crashes the node serving the storage at once (the kernel's emergency reboot, no shutdown): the cluster must fence it and "
                    + "take over on the other node; the crashed node reboots and rejoins"),
    REPLICATION_LINK("replication-link", "replication link failure",
            "takes every NIC of the replication link down on the standby node for a while, then up again: the storage stays where it is, "
                    + "the standby's copy falls behind and catches up (or, with the fallback over the client network, stays in sync)"),
    BOND_SLAVE("bond-slave", "client-network NIC failure",
            "takes the active NIC of the client-network bond down on the serving node for a while, then up again: the bond moves to its "
                    + "other NIC and back");

    private final String id;
    private final String title;
    private final String action;

    Scenario(String id, String title, String action) {
        this.id = id;
        this.title = title;
        this.action = action;
    }

    /** The name on the command line and in reports: {@code switchover}, {@code crash-active}, ... */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** What the test does to the cluster, for the confirmation. */
    public String action() {
        return action;
    }

    /** Whether the storage moves to the other node (the pause then includes a failover). */
    public boolean movesTheStorage() {
        return this == SWITCHOVER || this == CRASH_ACTIVE;
    }

    public static Optional<Scenario> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Scenario::id).toList());
    }
}
