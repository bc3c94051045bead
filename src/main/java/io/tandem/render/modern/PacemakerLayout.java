package io.tandem.render.modern;

import java.util.List;

/**
 * The Pacemaker configuration as data: what both the CIB XML and the equivalent pcs script are
 * rendered from, so the two can never disagree.
 */
public record PacemakerLayout(
        List<Nvpair> properties,
        List<Nvpair> resourceDefaults,
        List<Nvpair> operationDefaults,
        List<Clone> drbdClones,
        Group group,
        List<Primitive> fenceDevices,
        List<Colocation> colocations,
        List<Order> orders,
        List<Location> locations) {

    public record Nvpair(String name, String value) {
    }

    /** {@code agent} as class:provider:type or stonith:type. */
    public record Primitive(String id, String agent, List<Nvpair> params, List<Op> ops) {

        public String agentClass() {
            return agent.split(":")[0];
        }

        public String provider() {
            String[] parts = agent.split(":");
            return parts.length == 3 ? parts[1] : null;
        }

        public String type() {
            String[] parts = agent.split(":");
            return parts[parts.length - 1];
        }
    }

    /**
     * {@code role} is Promoted, Unpromoted or null; {@code startDelay} (or null) is how long the
     * executor waits before the first run of a recurring operation.
     */
    public record Op(String name, String interval, String timeout, String role, String startDelay) {

        public Op(String name, String interval, String timeout, String role) {
            this(name, interval, timeout, role, null);
        }

        public Op delayedBy(String delay) {
            return new Op(name, interval, timeout, role, delay);
        }

        public String id(String primitive) {
            return primitive + "-" + name + "-interval-" + interval + (role == null ? "" : "-" + role);
        }
    }

    public record Clone(String id, Primitive primitive, List<Nvpair> meta) {
    }

    public record Group(String id, List<Primitive> members) {
    }

    /** {@code rscRole} is null for the default (Started): the role of {@code rsc} the constraint binds. */
    public record Colocation(String id, String rsc, String rscRole, String withRsc, String withRole, String score) {
    }

    /**
     * {@code kind} Mandatory: {@code then} never runs before {@code first}; Optional: only when both
     * happen in the same transition.
     */
    public record Order(String id, String first, String firstAction, String then, String thenAction, String kind) {

        public static final String MANDATORY = "Mandatory";
        public static final String OPTIONAL = "Optional";

        public Order(String id, String first, String firstAction, String then, String thenAction) {
            this(id, first, firstAction, then, thenAction, MANDATORY);
        }
    }

    public record Location(String id, String rsc, String node, String score) {
    }
}
