package io.tandem.facts;

import java.util.List;
import java.util.Optional;

/** Pacemaker's view of the cluster, from {@code crm_mon --output-as=xml}: nodes and where each resource runs. */
public record ClusterStatus(List<Node> nodes, List<Resource> resources) {

    public ClusterStatus {
        nodes = List.copyOf(nodes);
        resources = List.copyOf(resources);
    }

    public record Node(String name, boolean online, boolean standby, boolean maintenance, boolean unclean) {
    }

    /** One instance of a resource (a promotable clone has one per node); {@code role} Started, Promoted, Unpromoted, Stopped… */
    public record Resource(String id, String agent, String role, boolean active, boolean failed, List<String> nodes) {
        public Resource {
            nodes = List.copyOf(nodes);
        }
    }

    public Optional<Node> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public List<Resource> instances(String id) {
        return resources.stream().filter(r -> r.id().equals(id)).toList();
    }
}
