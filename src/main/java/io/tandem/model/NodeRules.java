package io.tandem.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The two nodes, their links to each network and their bonds. */
final class NodeRules {

    private NodeRules() {
    }

    static void check(Project project, ProblemCollector problems) {
        List<Node> nodes = project.nodes();
        if (nodes.size() != 2) {
            problems.error("$.nodes", "a Tandem cluster has exactly two nodes, this project has " + nodes.size() + ".",
                    "List exactly two nodes.");
            return;
        }
        Map<String, String> names = ProblemCollector.seen();
        Map<String, String> addresses = ProblemCollector.seen();
        String vip = project.networks().client().virtualIp();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            String path = "$.nodes[" + i + "]";
            if (problems.hostName(path + ".name", node.name())) {
                problems.distinct(names, node.name(), path + ".name", "node name");
            }
            checkOs(project, node, path, problems);
            NetworkRules.ssh(path + ".ssh", node.ssh(), problems);
            checkLinks(project, node, path, problems);
            for (int l = 0; l < node.links().size(); l++) {
                NetworkLink link = node.links().get(l);
                String address = link.address();
                if (Ipv4.parse(address).isPresent()) {
                    problems.distinct(addresses, address, path + ".links[" + l + "].address", "address");
                    if (address.equals(vip)) {
                        problems.error(path + ".links[" + l + "].address", "this node address is the virtual IP.",
                                "Give the node its own address; the virtual IP moves between the nodes.");
                    }
                }
            }
        }
        if (nodes.get(0).drbdVersion() != nodes.get(1).drbdVersion()) {
            problems.error("$.nodes[1].drbdVersion", "the nodes run different DRBD versions (" + nodes.get(0).drbdVersion()
                    + " and " + nodes.get(1).drbdVersion() + ").", "Run the same DRBD version on both nodes.");
        }
        if (nodes.get(0).os() != nodes.get(1).os()) {
            problems.warning("$.nodes[1].os", "the nodes run different operating systems.",
                    "Use the same release on both nodes so packages and kernel modules match.");
        }
    }

    private static void checkOs(Project project, Node node, String path, ProblemCollector problems) {
        if (node.os() == OperatingSystem.OTHER) {
            problems.error(path + ".os", "Tandem sets up the nodes itself and needs to know their release.",
                    "Use debian-12, ubuntu-22.04 or ubuntu-24.04.");
        }
        if (project.profile() == Profile.MODERN && node.os() == OperatingSystem.UBUNTU_9_04) {
            problems.error(path + ".os", "Ubuntu 9.04 is only supported by the legacy export profile.",
                    "Use debian-12, ubuntu-22.04 or ubuntu-24.04, or set \"profile\": \"legacy\".");
        }
        if (project.profile() == Profile.LEGACY && node.drbdVersion() == DrbdVersion.V9) {
            problems.add(Problem.error(path + ".drbdVersion", "the legacy profile writes the tutorial's DRBD 8 configuration.",
                    "Set \"drbdVersion\": \"8.4\".").inWizard("the legacy profile writes a DRBD 8 configuration.", "Use DRBD 8.4 on the nodes."));
        }
    }

    private static void checkLinks(Project project, Node node, String path, ProblemCollector problems) {
        Map<NetworkRole, String> roles = new EnumMap<>(NetworkRole.class);
        Map<String, String> interfaces = ProblemCollector.seen();
        Map<String, String> slaves = ProblemCollector.seen();
        for (int l = 0; l < node.links().size(); l++) {
            NetworkLink link = node.links().get(l);
            String linkPath = path + ".links[" + l + "]";
            if (roles.put(link.network(), linkPath) != null) {
                problems.error(linkPath + ".network", "the node has two links on the " + link.network().jsonName() + " network.",
                        "Keep one link per network; bond NICs together to use several.");
            }
            if (problems.pattern(linkPath + ".interfaceName", link.interfaceName(), ValuePatterns.INTERFACE)) {
                problems.distinct(interfaces, link.interfaceName(), linkPath + ".interfaceName", "interface name");
            }
            Optional<Ipv4> address = NetworkRules.address(linkPath + ".address", link.address(), problems);
            Optional<Ipv4.Subnet> subnet = Ipv4.Subnet.parse(project.networks().get(link.network()).cidr());
            if (address.isPresent() && subnet.isPresent() && !subnet.get().isHost(address.get())) {
                problems.error(linkPath + ".address", "the address " + address.get() + " is not a host address in the "
                        + link.network().jsonName() + " subnet " + project.networks().get(link.network()).cidr() + ".",
                        "Use an address inside " + project.networks().get(link.network()).cidr() + ".");
            }
            if (link.bond() != null) {
                checkBond(link, linkPath + ".bond", slaves, problems);
            }
            if (link.network() == NetworkRole.REPLICATION && project.networks().replication().fallsBackOverClient()) {
                checkFallback(link, linkPath, problems);
            }
        }
        for (NetworkRole role : NetworkRole.values()) {
            if (!roles.containsKey(role)) {
                problems.error(path + ".links", "node '" + node.name() + "' has no link on the " + role.jsonName() + " network.",
                        "Add a link with \"network\": \"" + role.jsonName() + "\".");
            }
        }
        for (String slave : slaves.keySet()) {
            if (interfaces.containsKey(slave)) {
                problems.error(slaves.get(slave), "NIC '" + slave + "' is a bond slave and also configured as a link of its own.",
                        "Use each NIC once: either as a bond slave or as a link.");
            }
        }
    }

    /**
     * The fallback over the client network needs each end to see a cut it has no carrier for (a switch
     * between the nodes, or the far end's NIC down): the bond then checks its link by ARP to the peer.
     */
    private static void checkFallback(NetworkLink link, String linkPath, ProblemCollector problems) {
        if (link.bond() == null) {
            problems.add(Problem.error(linkPath, "the replication network falls back to the client network (\"fallbackOverClient\"), which needs "
                            + "a bond on the replication link: its ARP checks to the other node tell that the link is cut.",
                    "Bond two NICs for the replication link on each node, or remove \"fallbackOverClient\" from the replication network.")
                    .inWizard("keeping replication going over the client network needs a replication bond: its ARP checks to the other node "
                            + "tell that the link is cut.", "Tick two NICs for the replication bond, or untick \"" + Network.FALLBACK_LABEL + "\"."));
        } else if (link.bond().mode() != null && !link.bond().mode().monitorsByArp()) {
            String mode = link.bond().mode().kernelName();
            problems.add(Problem.error(linkPath + ".bond.mode", "a " + mode + " bond cannot check its link by ARP, which the fallback of the "
                            + "replication network to the client network (\"fallbackOverClient\") needs.",
                    "Use active-backup (or balance-rr, balance-xor) for the replication bond, or remove \"fallbackOverClient\".")
                    .inWizard("a " + mode + " bond cannot check its link by ARP, which keeping replication going over the client network needs.",
                            "Choose active-backup (or balance-rr, balance-xor), or untick \"" + Network.FALLBACK_LABEL + "\"."));
        }
    }

    private static void checkBond(NetworkLink link, String path, Map<String, String> slavesOfNode, ProblemCollector problems) {
        Bond bond = link.bond();
        if (bond.slaves().size() < 2) {
            problems.error(path + ".slaves", "a bond needs at least two NICs, this one has " + bond.slaves().size() + ".",
                    "Add a second NIC, ideally on another card and switch, so one failure does not cut the link.");
        }
        for (int s = 0; s < bond.slaves().size(); s++) {
            String slave = bond.slaves().get(s);
            String slavePath = path + ".slaves[" + s + "]";
            if (problems.pattern(slavePath, slave, ValuePatterns.INTERFACE)) {
                if (slave.equals(link.interfaceName())) {
                    problems.error(slavePath, "the bond '" + slave + "' cannot be its own slave.", "List the NICs that make up the bond.");
                }
                String first = slavesOfNode.putIfAbsent(slave, slavePath);
                if (first != null) {
                    problems.error(slavePath, "NIC '" + slave + "' is already a slave at " + first + ".",
                            "A NIC can belong to one bond only; use another NIC.");
                }
            }
        }
        problems.range(path + ".miimon", bond.miimon(), 1, 10000, " ms");
        problems.range(path + ".updelay", bond.updelay(), 0, 60000, " ms");
        problems.range(path + ".downdelay", bond.downdelay(), 0, 60000, " ms");
        if (bond.miimon() > 0 && (bond.updelay() % bond.miimon() != 0 || bond.downdelay() % bond.miimon() != 0)) {
            problems.warning(path, "updelay and downdelay are not multiples of miimon; the kernel rounds them down.",
                    "Use multiples of " + bond.miimon() + " ms.");
        }
        if (bond.primary() != null) {
            if (!bond.slaves().contains(bond.primary())) {
                problems.error(path + ".primary", "the primary NIC '" + ProblemCollector.printable(bond.primary()) + "' is not one of the slaves.",
                        "Name one of " + bond.slaves() + ", or remove \"primary\".", "Tick the bond's NICs again.");
            }
            if (bond.mode() != BondMode.ACTIVE_BACKUP && bond.mode() != BondMode.BALANCE_TLB && bond.mode() != BondMode.BALANCE_ALB) {
                problems.error(path + ".primary", "a primary NIC only applies to active-backup, balance-tlb and balance-alb bonds.",
                        "Remove \"primary\" or change the mode.", "Choose the bond mode again.");
            }
        }
    }
}
