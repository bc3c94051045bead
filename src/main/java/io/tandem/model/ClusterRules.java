package io.tandem.model;

import java.util.Set;

/** Cluster manager settings: Corosync/Pacemaker and the legacy Heartbeat; STONITH is {@link FencingRules}. */
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
        if (c.quorumDevice() != null && project.profile() == Profile.MODERN) {
            checkQuorumDevice(project, problems);
        } else if (c.quorumDevice() != null) {
            problems.warning(path + ".quorumDevice", "a quorum device is used only by the modern profile (Heartbeat has none).",
                    "Remove \"quorumDevice\".");
        } else if (!c.twoNode()) {
            problems.error(path + ".twoNode", "without two_node a two-node cluster loses quorum when either node fails, "
                    + "and stops the service instead of failing over.", "Set \"twoNode\": true, or add a \"quorumDevice\" (a third vote).");
        }
        FencingRules.check(project, problems);
        if (project.profile() == Profile.LEGACY) {
            checkHeartbeat(project, problems);
        } else if (c.heartbeat() != null) {
            problems.warning(path + ".heartbeat", "Heartbeat settings are used only by the legacy profile.", "Remove \"heartbeat\".");
        }
    }

    private static void checkQuorumDevice(Project project, ProblemCollector problems) {
        QuorumDevice device = project.cluster().quorumDevice();
        String path = "$.cluster.quorumDevice";
        if (project.cluster().twoNode()) {
            problems.error("$.cluster.twoNode", "two_node and a quorum device exclude each other: corosync refuses to start with both.",
                    "Set \"twoNode\": false (the quorum device is the third vote), or remove \"quorumDevice\".");
        }
        if (project.initiators().stream().noneMatch(i -> i.name().equals(device.host()) && i.managed())) {
            problems.error(path + ".host", "'" + ProblemCollector.printable(device.host()) + "' is not a client Tandem manages: "
                    + "the quorum device runs on a client with SSH, where Tandem installs corosync-qnetd.",
                    "Name one of the initiators that have \"ssh\", or remove \"quorumDevice\".");
        }
        String address = device.address();
        if (address != null && NetworkRules.validDottedNumbers(path + ".address", address, "quorum device address", problems)
                && Ipv4.parse(address).isEmpty() && !ValuePatterns.HOST_NAME.matches(address) && !ValuePatterns.DOMAIN.matches(address)) {
            problems.error(path + ".address", "the quorum device address '" + ProblemCollector.printable(address)
                    + "' is neither an IPv4 address nor a host name.", "Write the address or name both nodes reach the witness at, e.g. 192.168.50.20.");
        }
        if (device.port() != null) {
            problems.range(path + ".port", device.port(), 1, 65535, "");
        }
    }

    private static void checkHeartbeat(Project project, ProblemCollector problems) {
        Heartbeat hb = project.cluster().heartbeat();
        String path = "$.cluster.heartbeat";
        if (hb == null) {
            problems.error(path, "the legacy profile writes Heartbeat's ha.cf and authkeys, and needs their settings.",
                    "Add \"heartbeat\" (see examples/seed-tutorial.tandem.json).",
                    "Open a legacy project that has them, or start a new project (modern profile).");
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
                    "Use sha1 (or md5, as the tutorial does).", "Use sha1 (or md5).");
        }
        problems.secretPattern(path + ".authKey", hb.authKey());
    }
}
