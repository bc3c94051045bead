package io.tandem.model;

import java.util.Optional;

/** Subnets, gateways and the virtual IP. */
final class NetworkRules {

    private NetworkRules() {
    }

    static void check(Project project, ProblemCollector problems) {
        Optional<Ipv4.Subnet> client = subnet("$.networks.client", project.networks().client(), problems);
        Optional<Ipv4.Subnet> replication = subnet("$.networks.replication", project.networks().replication(), problems);
        Network clientNet = project.networks().client();
        if (clientNet.virtualIp() == null) {
            problems.error("$.networks.client.virtualIp", "the client network has no virtual IP.",
                    "Add \"virtualIp\": a free address in the client subnet that initiators will connect to.",
                    "Enter a free address in the client subnet that initiators will connect to.");
        } else {
            Optional<Ipv4> vip = address("$.networks.client.virtualIp", clientNet.virtualIp(), problems);
            if (vip.isPresent() && client.isPresent() && !client.get().isHost(vip.get())) {
                problems.error("$.networks.client.virtualIp", "the virtual IP " + vip.get() + " is not a host address in "
                        + clientNet.cidr() + ".", "Pick a free address inside " + clientNet.cidr() + ".");
            }
            if (vip.isPresent() && clientNet.gateway() != null && clientNet.virtualIp().equals(clientNet.gateway())) {
                problems.error("$.networks.client.virtualIp", "the virtual IP is the gateway's address.",
                        "Pick an address no machine uses yet.");
            }
        }
        if (project.networks().replication().virtualIp() != null) {
            problems.error("$.networks.replication.virtualIp", "the replication network has no virtual IP; initiators use the client network.",
                    "Remove \"virtualIp\" from the replication network.");
        }
        if (clientNet.fallsBackOverClient()) {
            problems.error("$.networks.client.fallbackOverClient", "only the replication network can fall back to the client network.",
                    "Remove \"fallbackOverClient\" from the client network; set it on the replication network.");
        }
        if (client.isPresent() && replication.isPresent()
                && (client.get().contains(replication.get().base()) || replication.get().contains(client.get().base()))) {
            problems.error("$.networks.replication.cidr", "the replication subnet overlaps the client subnet.",
                    "Use a separate private subnet for replication (e.g. 10.10.2.0/24 beside 10.10.1.0/24).");
        }
    }

    private static Optional<Ipv4.Subnet> subnet(String path, Network network, ProblemCollector problems) {
        Optional<Ipv4.Subnet> subnet = Ipv4.Subnet.parse(network.cidr());
        if (subnet.isEmpty()) {
            problems.error(path + ".cidr", "'" + ProblemCollector.printable(network.cidr()) + "' is not an IPv4 subnet in CIDR form.",
                    "Write it like 10.10.1.0/24 (prefix length 8 to 30).");
            return subnet;
        }
        if (subnet.get().hasHostBits()) {
            problems.error(path + ".cidr", network.cidr() + " has host bits set.",
                    "Write the network address: " + subnet.get().base() + "/" + subnet.get().prefix() + ".");
        }
        if (network.gateway() != null) {
            Optional<Ipv4> gateway = address(path + ".gateway", network.gateway(), problems);
            if (gateway.isPresent() && !subnet.get().isHost(gateway.get())) {
                problems.error(path + ".gateway", "the gateway " + gateway.get() + " is not inside " + network.cidr() + ".",
                        "Use the router's address in this subnet, or remove \"gateway\".");
            }
        }
        return subnet;
    }

    static Optional<Ipv4> address(String path, String text, ProblemCollector problems) {
        Optional<Ipv4> address = Ipv4.parse(text);
        if (address.isEmpty()) {
            problems.error(path, "'" + ProblemCollector.printable(text) + "' is not an IPv4 address.",
                    "Write four numbers from 0 to 255 separated by dots, e.g. 10.10.1.251.");
        }
        return address;
    }

    /** An SSH destination ({@code what}: "SSH address", "BMC address"…): an IPv4 address or a host name. */
    static void sshAddress(String path, String text, String what, ProblemCollector problems) {
        if (!validDottedNumbers(path, text, what, problems)) {
            return;
        }
        if (Ipv4.parse(text).isEmpty() && !ValuePatterns.HOST_NAME.matches(text) && !ValuePatterns.DOMAIN.matches(text)) {
            problems.error(path, "the " + what + " '" + ProblemCollector.printable(text) + "' is neither an IPv4 address nor a host name.",
                    "Write the address or name Tandem should connect to over SSH, e.g. 10.10.1.251 or node1.example.com.");
        }
    }

    /**
     * A value of only digits and dots is meant as an IPv4 address: no host name or domain is all
     * numbers, so {@code 192.168.50.311} is a mistyped address, never a name to look up. False
     * (and an error naming the field) when such a value is not a valid address.
     */
    static boolean validDottedNumbers(String path, String text, String what, ProblemCollector problems) {
        if (!Ipv4.isMistyped(text)) {
            return true;
        }
        problems.error(path, "the " + what + " '" + text + "' is not a valid IPv4 address: an address is four numbers from 0 to 255 "
                + "separated by dots, and a value of only digits and dots cannot be a host name.",
                "Correct the " + what + ", e.g. 192.168.50.11, or write a host name.");
        return false;
    }

    static void ssh(String path, Ssh ssh, ProblemCollector problems) {
        sshAddress(path + ".address", ssh.address(), "SSH address", problems);
        problems.pattern(path + ".user", ssh.user(), ValuePatterns.USER);
        problems.range(path + ".port", ssh.port(), 1, 65535, "");
    }
}
