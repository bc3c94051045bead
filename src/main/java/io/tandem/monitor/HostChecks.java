package io.tandem.monitor;

import io.tandem.model.Initiator;
import io.tandem.model.Node;

import java.time.Duration;
import java.util.List;

/** Hosts that did not answer, facts that could not be read, and clocks that drift apart. */
final class HostChecks {

    /** Nodes further apart than this write logs that disagree; chrony keeps them within milliseconds. */
    static final Duration NODE_SKEW = Duration.ofSeconds(1);
    /** A node this far from the workstation: one of the two clocks is wrong. */
    static final Duration WORKSTATION_OFFSET = Duration.ofSeconds(5);

    private HostChecks() {
    }

    static void judge(HealthRules.Context c) {
        List<ClusterSnapshot.NodeRead> nodes = c.now.nodeReads();
        if (!nodes.isEmpty() && nodes.stream().noneMatch(ClusterSnapshot.NodeRead::answered)) {
            boolean clientServed = c.clientLoggedIn();
            c.add(clientServed ? Verdict.AT_RISK : Verdict.DOWN, "hosts.none", "cluster",
                    "No node answered, so Tandem cannot see the cluster at all" + (clientServed ? "; a client is still logged in to the target."
                            : ": the storage is probably not served."),
                    "Check that the nodes are powered on and that this workstation reaches them over SSH.");
        }
        for (Node node : c.project.nodes()) {
            c.now.nodeRead(node.name()).ifPresent(read -> host(c, node.name(), node.ssh(), read.answered(), read.error(), read.problems(),
                    "its own view (replication, bonds, target) is missing from this read"));
        }
        for (Initiator client : c.project.managedInitiators()) {
            c.now.clientRead(client.name()).ifPresent(read -> host(c, client.name(), client.ssh(), read.answered(), read.error(), read.problems(),
                    "whether it is logged in to the target is not known from its side"));
        }
        c.now.problems().stream().filter(p -> p.contains("/proc/drbd is not readable")).forEach(p ->
                c.add(Verdict.DEGRADED, "read.incomplete", "replication", p + ".", "Check DRBD's kernel module on that node (cat /proc/drbd)."));
        c.now.problems().stream().filter(p -> p.contains("DRBD 9's status is not readable")).forEach(p ->
                c.add(Verdict.DEGRADED, "read.incomplete", "replication", p + ".",
                        "Check drbd-utils on that node: drbdsetup status --json --statistics all must print the resources."));
        clocks(c);
    }

    /** A host that did not answer, or answered with facts that could not be read. */
    private static void host(HealthRules.Context c, String name, io.tandem.model.Ssh ssh, boolean answered, String error, List<String> problems,
                             String missing) {
        if (!answered) {
            c.add(Verdict.DEGRADED, "host.unreachable", name, name + " did not answer over SSH (" + error + "), so " + missing + ".",
                    "Check that " + name + " is powered on and reachable from this workstation (ssh " + login(ssh) + ").");
        } else if (!problems.isEmpty()) {
            c.add(Verdict.DEGRADED, "read.incomplete", name, "Part of " + name + "'s status could not be read: " + String.join("; ", problems) + ".",
                    "Check the tools named above on " + name + "; Tandem installs them at apply.");
        }
    }

    private static String login(io.tandem.model.Ssh ssh) {
        return ssh == null ? "" : ssh.user() + "@" + ssh.address();
    }

    private static void clocks(HealthRules.Context c) {
        List<ClusterSnapshot.NodeRead> timed = c.now.nodeReads().stream().filter(r -> r.clockOffset() != null).toList();
        for (int i = 0; i < timed.size(); i++) {
            for (int j = i + 1; j < timed.size(); j++) {
                Duration skew = timed.get(i).clockOffset().minus(timed.get(j).clockOffset()).abs();
                if (skew.compareTo(NODE_SKEW) > 0) {
                    c.add(Verdict.DEGRADED, "clock.skew", timed.get(i).name() + " and " + timed.get(j).name(), "The clocks of "
                            + timed.get(i).name() + " and " + timed.get(j).name() + " are " + Amounts.offset(skew).substring(1)
                            + " apart: their logs disagree about when things happened, and their time service is not keeping them together.",
                            "Check chrony on both nodes (chronyc tracking; chronyc sources): each should follow the time servers and the other node.");
                }
            }
        }
        for (ClusterSnapshot.NodeRead r : timed) {
            if (r.clockOffset().abs().compareTo(WORKSTATION_OFFSET) > 0) {
                c.add(Verdict.DEGRADED, "clock.offset", r.name(), r.name() + "'s clock is " + Amounts.offset(r.clockOffset())
                        + " off this workstation's: one of the two clocks is wrong.",
                        "Compare both with a time server (chronyc tracking on " + r.name() + "; timedatectl here) and fix the one that is off.");
            }
        }
    }
}
