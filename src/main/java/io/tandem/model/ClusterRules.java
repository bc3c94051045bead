package io.tandem.model;

import java.util.HashSet;
import java.util.Set;

/** Cluster manager settings: Corosync/Pacemaker, STONITH, and the legacy Heartbeat. */
final class ClusterRules {

    private static final Set<String> HEARTBEAT_AUTH = Set.of("crc", "md5", "sha1");

    private ClusterRules() {
    }

    static void check(Project project, ProblemCollector problems) {
        ClusterSettings c = project.cluster();
        String path = "$.cluster";
        if (project.node(c.preferredNode()).isEmpty()) {
            problems.error(path + ".preferredNode", "'" + ProblemCollector.printable(c.preferredNode()) + "' is not one of the nodes.",
                    "Name the node that should normally serve the target.");
        }
        problems.range(path + ".tokenMs", c.tokenMs(), 1000, 60000, " ms");
        problems.range(path + ".resourceStickiness", c.resourceStickiness(), 0, 1000000, "");
        problems.range(path + ".operationTimeoutSeconds", c.operationTimeoutSeconds(), 20, 600, " s");
        if (!c.twoNode()) {
            problems.error(path + ".twoNode", "without two_node a two-node cluster loses quorum when either node fails, "
                    + "and stops the service instead of failing over.", "Set \"twoNode\": true.");
        }
        checkStonith(project, problems);
        if (project.profile() == Profile.LEGACY) {
            checkHeartbeat(project, problems);
        } else if (c.heartbeat() != null) {
            problems.warning(path + ".heartbeat", "Heartbeat settings are used only by the legacy profile.", "Remove \"heartbeat\".");
        }
    }

    private static void checkStonith(Project project, ProblemCollector problems) {
        Stonith stonith = project.cluster().stonith();
        String path = "$.cluster.stonith";
        if (stonith.type() == StonithType.NONE) {
            if (project.profile() == Profile.MODERN) {
                problems.warning(path + ".type", "STONITH is off. If the nodes lose sight of each other while both run, both can "
                        + "become primary and the data splits (split brain).",
                        "Configure a fence device (fence_ipmilan) for each node before production use.");
                if (project.replication().fencing() == Fencing.RESOURCE_AND_STONITH) {
                    problems.error("$.replication.fencing", "DRBD fencing resource-and-stonith needs STONITH, which is off.",
                            "Configure STONITH, or use \"resource-only\".");
                }
            }
            if (!stonith.devices().isEmpty()) {
                problems.warning(path + ".devices", "fence devices are listed but STONITH is off, so they are not used.",
                        "Set \"type\": \"fence_ipmilan\" or remove the devices.");
            }
            return;
        }
        if (project.profile() == Profile.LEGACY) {
            problems.warning(path + ".type", "the tutorial's Heartbeat setup has no STONITH; the devices are not exported.",
                    "Use the modern profile for a fenced cluster.");
        }
        Set<String> fenced = new HashSet<>();
        for (int i = 0; i < stonith.devices().size(); i++) {
            FenceDevice device = stonith.devices().get(i);
            String dPath = path + ".devices[" + i + "]";
            if (project.node(device.node()).isEmpty()) {
                problems.error(dPath + ".node", "'" + ProblemCollector.printable(device.node()) + "' is not one of the nodes.",
                        "Name the node this device powers off.");
            } else if (!fenced.add(device.node())) {
                problems.error(dPath + ".node", "node '" + device.node() + "' has two fence devices.", "Keep one device per node.");
            }
            NetworkRules.sshAddress(dPath + ".address", device.address(), problems);
            problems.pattern(dPath + ".user", device.user(), ValuePatterns.CHAP_USER);
            problems.secretPattern(dPath + ".password", device.password());
        }
        for (Node node : project.nodes()) {
            if (!fenced.contains(node.name())) {
                problems.error(path + ".devices", "node '" + node.name() + "' has no fence device.",
                        "Add the BMC address and credentials of " + node.name() + ".");
            }
        }
    }

    private static void checkHeartbeat(Project project, ProblemCollector problems) {
        Heartbeat hb = project.cluster().heartbeat();
        String path = "$.cluster.heartbeat";
        if (hb == null) {
            problems.error(path, "the legacy profile writes Heartbeat's ha.cf and authkeys, and needs their settings.",
                    "Add \"heartbeat\" (see examples/seed-tutorial.tandem.json).");
            return;
        }
        problems.pattern(path + ".logFacility", hb.logFacility(), ValuePatterns.SYSLOG_FACILITY);
        problems.range(path + ".keepalive", hb.keepalive(), 1, 60, " s");
        problems.range(path + ".warntime", hb.warntime(), 1, 600, " s");
        problems.range(path + ".deadtime", hb.deadtime(), 2, 600, " s");
        problems.range(path + ".initdead", hb.initdead(), 2, 3600, " s");
        if (hb.keepalive() >= hb.warntime() || hb.warntime() >= hb.deadtime()) {
            problems.error(path, "Heartbeat needs keepalive < warntime < deadtime.", "For example keepalive 2, warntime 10, deadtime 30.");
        }
        if (hb.initdead() < 2 * hb.deadtime()) {
            problems.warning(path + ".initdead", "initdead should be at least twice deadtime so a booting peer is not declared dead.",
                    "Set initdead to " + 2 * hb.deadtime() + " or more.");
        }
        if (!HEARTBEAT_AUTH.contains(hb.authMethod())) {
            problems.error(path + ".authMethod", "'" + ProblemCollector.printable(hb.authMethod()) + "' is not a Heartbeat authentication method.",
                    "Use sha1 (or md5, as the tutorial does).");
        }
        problems.secretPattern(path + ".authKey", hb.authKey());
    }
}
