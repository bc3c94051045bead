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
        if (!c.twoNode()) {
            problems.error(path + ".twoNode", "without two_node a two-node cluster loses quorum when either node fails, "
                    + "and stops the service instead of failing over.", "Set \"twoNode\": true.");
        }
        FencingRules.check(project, problems);
        if (project.profile() == Profile.LEGACY) {
            checkHeartbeat(project, problems);
        } else if (c.heartbeat() != null) {
            problems.warning(path + ".heartbeat", "Heartbeat settings are used only by the legacy profile.", "Remove \"heartbeat\".");
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
