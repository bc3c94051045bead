package io.tandem.monitor;

import io.tandem.facts.BondStatus;
import io.tandem.facts.PortBlockRules;
import io.tandem.model.Bond;
import io.tandem.model.NetworkLink;
import io.tandem.model.NetworkRole;
import io.tandem.model.Node;

import java.util.List;
import java.util.Optional;

/** Each node's bonds against the project (NICs down, off the primary, flapping) and port rules left behind by a portblock. */
final class NetworkChecks {

    private NetworkChecks() {
    }

    static void judge(HealthRules.Context c) {
        for (Node node : c.project.nodes()) {
            c.now.nodeRead(node.name()).filter(ClusterSnapshot.NodeRead::answered).ifPresent(read -> {
                for (NetworkLink link : node.links()) {
                    if (link.bond() != null) {
                        bond(c, node.name(), link, read);
                    }
                }
                portRules(c, read);
            });
        }
    }

    private static void bond(HealthRules.Context c, String node, NetworkLink link, ClusterSnapshot.NodeRead read) {
        String name = link.interfaceName();
        Bond planned = link.bond();
        String subject = name + " on " + node;
        String network = link.network() == NetworkRole.CLIENT ? "client network" : "replication link";
        Optional<BondStatus> status = read.bond(name);
        List<String> up = planned.slaves().stream().filter(s -> status.flatMap(b -> b.slave(s)).map(BondStatus.Slave::isUp).orElse(false)).toList();
        List<String> down = planned.slaves().stream().filter(s -> !up.contains(s)).toList();
        if (status.isEmpty() || !status.get().isUp() || up.isEmpty()) {
            boolean clientsCut = link.network() == NetworkRole.CLIENT && node.equals(c.now.servedBy());
            c.add(clientsCut ? Verdict.DOWN : Verdict.AT_RISK, "bond.down", subject, status.isEmpty()
                            ? name + " does not exist on " + node + ": " + node + " has no " + network + "."
                            : name + " on " + node + " is down (no NIC has a link): " + node + "'s " + network + " is cut"
                            + (clientsCut ? ", and clients reach the target only through it."
                            : link.network() == NetworkRole.REPLICATION && c.project.networks().replication().fallsBackOverClient()
                            ? "; replication goes over the client network until it is back." : "."),
                    status.isEmpty() ? "Bring it up on " + node + " (ifup " + name + ", or apply the project again)."
                            : "Check the cables and switch ports of " + String.join(" and ", planned.slaves()) + " on " + node + ".");
            return;
        }
        BondStatus bond = status.get();
        if (!down.isEmpty()) {
            c.add(Verdict.DEGRADED, "bond.slave-down", subject, name + " on " + node + " runs on " + (up.size() == 1 ? "one NIC" : up.size() + " of "
                            + planned.slaves().size() + " NICs") + ": " + String.join(" and ", down) + (down.size() == 1 ? " is" : " are")
                            + " down" + failures(bond, down) + ". One more cable or port fault cuts " + node + "'s " + network + ".",
                    "Check the cable and switch port of " + String.join(" and ", down) + " on " + node + " (ip link show " + down.getFirst()
                            + "; ethtool " + down.getFirst() + ").");
        }
        String primary = planned.primary() != null ? planned.primary() : bond.primarySlave();
        if (primary != null && bond.activeSlave() != null && !bond.activeSlave().equals(primary) && up.contains(primary)) {
            c.add(Verdict.DEGRADED, "bond.off-primary", subject, name + " on " + node + " runs on " + bond.activeSlave() + " although its primary "
                    + primary + " has a link.", "It returns to " + primary + (bond.miimonMs() == 0
                            // An ARP-monitored bond (MII polling 0) has no up delay: the primary is back once its ARP probes are answered.
                            ? " once its ARP probes to the peer are answered again" : " after the up delay (" + bond.upDelayMs() + " ms)")
                    + "; if it stays on " + bond.activeSlave() + ", check " + primary + "'s link (ethtool " + primary + ").");
        }
        changes(c, node, name, bond, primary);
    }

    private static String failures(BondStatus bond, List<String> slaves) {
        int count = slaves.stream().flatMap(s -> bond.slave(s).stream()).mapToInt(BondStatus.Slave::linkFailureCount).sum();
        return count == 0 ? "" : " (" + count + " link failure" + (count == 1 ? "" : "s") + " counted)";
    }

    /** Against the round before: a failover to another NIC, link failures since. Without one, old failures are a note. */
    private static void changes(HealthRules.Context c, String node, String name, BondStatus bond, String primary) {
        String subject = name + " on " + node;
        Optional<BondStatus> before = c.previous == null ? Optional.empty() : c.previous.nodeRead(node).flatMap(r -> r.bond(name));
        if (before.isEmpty()) {
            List<String> flapped = bond.slaves().stream().filter(s -> s.linkFailureCount() > 0 && s.isUp())
                    .map(s -> s.name() + " (" + s.linkFailureCount() + ")").toList();
            if (!flapped.isEmpty() && bond.slaves().stream().allMatch(BondStatus.Slave::isUp)) {
                c.add(Verdict.HEALTHY, "bond.past-failures", subject, "NICs of " + subject + " lost their link since the bond came up: "
                        + String.join(", ", flapped) + "; all have a link now.", "If the count grows, check that NIC's cable and switch port.");
            }
            return;
        }
        boolean switched = before.get().activeSlave() != null && bond.activeSlave() != null && !before.get().activeSlave().equals(bond.activeSlave());
        if (switched && bond.activeSlave().equals(primary)) {
            // Back on its primary after a repair: worth a line in the log, not a problem (the NIC it left is fine).
            c.add(Verdict.HEALTHY, "bond.back-on-primary", subject, subject + " is back on its primary " + primary + " (it ran on "
                    + before.get().activeSlave() + ").", "Nothing to do.");
        } else if (switched) {
            c.add(Verdict.DEGRADED, "bond.switched", subject, subject + " switched from " + before.get().activeSlave() + " to " + bond.activeSlave()
                    + " since the last read.", "Check " + before.get().activeSlave() + "'s link on " + node + " (ip link; ethtool).");
        }
        for (BondStatus.Slave s : bond.slaves()) {
            int was = before.get().slave(s.name()).map(BondStatus.Slave::linkFailureCount).orElse(s.linkFailureCount());
            if (s.linkFailureCount() > was) {
                int more = s.linkFailureCount() - was;
                c.add(Verdict.DEGRADED, "bond.flapping", s.name() + " on " + node, s.name() + " of " + subject + " lost its link " + more
                        + (more == 1 ? " time" : " times") + " since the last read.", "Check the cable and switch port of " + s.name() + " on " + node + ".");
            }
        }
    }

    /** A DROP for the portal port on the virtual IP: on the serving node clients are cut now, elsewhere at the next failover. */
    private static void portRules(HealthRules.Context c, ClusterSnapshot.NodeRead read) {
        String vip = c.project.networks().client().virtualIp();
        int port = c.project.target().portalPort();
        for (PortBlockRules.Rule rule : read.portBlocks()) {
            if (rule.destination() != null && !rule.destination().equals(vip)) {
                continue;
            }
            boolean serving = read.name().equals(c.now.servedBy());
            c.add(serving ? Verdict.DOWN : Verdict.AT_RISK, serving ? "portblock.blocking" : "portblock.leftover", read.name(), serving
                            ? "Port " + port + " on " + read.name() + " is blocked by a leftover portblock rule: the clients' packets to the target are dropped."
                            : read.name() + " still has a rule that drops port " + port + " from an earlier failover: after the next failover to "
                            + read.name() + " clients cannot log in.",
                    "Remove it on " + read.name() + ": " + rule.deleteCommand());
        }
    }
}
