package io.tandem.facts;

import java.util.List;
import java.util.Optional;

/**
 * Pacemaker's view of the cluster, from {@code crm_mon --output-as=xml}: nodes, where each resource
 * runs, the cluster's options that matter for safety, each resource's fail count per node (from
 * the node history) and the failed actions.
 */
public record ClusterStatus(List<Node> nodes, List<Resource> resources, Summary summary, List<FailCount> failCounts,
                            List<FailedAction> failedActions) {

    public ClusterStatus {
        nodes = List.copyOf(nodes);
        resources = List.copyOf(resources);
        failCounts = List.copyOf(failCounts);
        failedActions = List.copyOf(failedActions);
    }

    public record Node(String name, boolean online, boolean standby, boolean maintenance, boolean unclean) {
    }

    /** One instance of a resource (a promotable clone has one per node); {@code role} Started, Promoted, Unpromoted, Stopped… */
    public record Resource(String id, String agent, String role, boolean active, boolean failed, List<String> nodes) {
        public Resource {
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * The summary's safety switches: {@code stonithEnabled} and {@code quorum} are null when crm_mon
     * did not say (an older version, a stub); {@code dc} the designated controller, null when none.
     */
    public record Summary(Boolean stonithEnabled, boolean maintenanceMode, Boolean quorum, String dc) {

        public static final Summary UNKNOWN = new Summary(null, false, null, null);
    }

    /** {@code count} failures of {@code resource} on {@code node}; Pacemaker bans the node once it reaches {@code migrationThreshold}. */
    public record FailCount(String node, String resource, int count, int migrationThreshold, String lastFailure) {
    }

    /** A failed operation as crm_mon lists it: {@code drbd_r0_promote_0} on node2, "Timed Out", the agent's reason. */
    public record FailedAction(String operation, String node, String task, String status, String exitReason, String when) {
    }

    public Optional<Node> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public List<Resource> instances(String id) {
        return resources.stream().filter(r -> r.id().equals(id)).toList();
    }
}
