package io.tandem.model;

import java.util.List;
import java.util.Optional;

/**
 * A whole HA iSCSI cluster as described by a {@code *.tandem.json} file: two nodes, their networks,
 * replication, the cluster manager, the iSCSI target and the initiators that use it.
 */
public record Project(
        Integer schemaVersion,
        Profile profile,
        String clusterName,
        String domain,
        List<Node> nodes,
        Networks networks,
        Replication replication,
        ClusterSettings cluster,
        Target target,
        Chap chap,
        List<Initiator> initiators,
        @OptionalField TimeSync time,
        @OptionalField Boolean demo) {

    /** The schema version this build reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * Not a host but where cluster-wide files (the CIB, the pcs script) belong, in the export a
     * folder beside the hosts' folders: so no node or initiator may be called this.
     */
    public static final String CLUSTER_WIDE = "cluster";

    public Project {
        nodes = nodes == null ? null : List.copyOf(nodes);
        initiators = initiators == null ? null : List.copyOf(initiators);
    }

    /** A project of real servers (not the demo). */
    public Project(Integer schemaVersion, Profile profile, String clusterName, String domain, List<Node> nodes, Networks networks,
                   Replication replication, ClusterSettings cluster, Target target, Chap chap, List<Initiator> initiators, TimeSync time) {
        this(schemaVersion, profile, clusterName, domain, nodes, networks, replication, cluster, target, chap, initiators, time, null);
    }

    /**
     * The app's built-in demo cluster, saved: its servers are simulated, so the app answers for
     * them itself and nothing ever connects to its addresses (which may well be real elsewhere).
     * Not named isDemo: Jackson would write that as a second "demo" field.
     */
    public boolean simulated() {
        return Boolean.TRUE.equals(demo);
    }

    public Optional<Node> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The node other than {@code name}. */
    public Node peerOf(String name) {
        return nodes.stream().filter(n -> !n.name().equals(name)).findFirst().orElseThrow();
    }

    public Optional<DrbdResource> resource(String name) {
        return replication.resources().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public String fqdn(Node node) {
        return node.name() + "." + domain;
    }

    /** The initiators Tandem logs in to and writes files for. */
    public java.util.List<Initiator> managedInitiators() {
        return initiators.stream().filter(Initiator::managed).toList();
    }

    public TimeSync timeOrDefault() {
        return time == null ? new TimeSync(List.of()) : time;
    }
}
