package io.tandem.monitor;

import java.time.Instant;
import java.util.List;

/**
 * The cluster as one status read saw it, in the words the home screen shows: each node and its
 * membership, each DRBD device per node, each resource and where it runs, the target and who is
 * logged in to it. {@code problems} names hosts that did not answer or said something unreadable.
 */
public record ClusterSnapshot(Instant readAt, List<NodeLine> nodes, List<DrbdLine> drbd, List<ResourceLine> resources, String target,
                              List<String> sessions, List<String> problems) {

    public ClusterSnapshot {
        nodes = List.copyOf(nodes);
        drbd = List.copyOf(drbd);
        resources = List.copyOf(resources);
        sessions = List.copyOf(sessions);
        problems = List.copyOf(problems);
    }

    /** A node: online in the cluster, and what it serves ("serves the target", "standby"). */
    public record NodeLine(String name, boolean online, String role) {
    }

    /** One DRBD device as one node sees it: "Connected", "Primary/Secondary", "UpToDate/UpToDate", sync percent or -1. */
    public record DrbdLine(String node, String resource, int minor, String connection, String roles, String disks, double syncPercent) {
        public boolean healthy() {
            return connection.equals("Connected") && disks.equals("UpToDate/UpToDate");
        }
    }

    /** A cluster resource: where it runs ("node1", "node1 (Promoted), node2 (Unpromoted)") or "stopped". */
    public record ResourceLine(String id, String agent, String where, boolean failed) {
        public boolean running() {
            return !where.equals("stopped");
        }
    }

    /** True when every node is online, every DRBD device healthy, every resource running and nothing failed or unanswered. */
    public boolean healthy() {
        return problems.isEmpty() && nodes.stream().allMatch(NodeLine::online) && drbd.stream().allMatch(DrbdLine::healthy)
                && resources.stream().allMatch(r -> r.running() && !r.failed());
    }
}
