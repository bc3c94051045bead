package io.tandem.verify;

import io.tandem.model.Bond;
import io.tandem.model.NetworkLink;
import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.render.modern.ReplicationFallback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Compares what a network tool read from a node's files with the node's links in the project. */
final class NetworkExpectation {

    private NetworkExpectation() {
    }

    /** Every way {@code read} (interface name to reading) differs from the project's links of {@code node}. */
    static List<String> differences(Project project, Node node, Map<String, InterfaceReading> read) {
        List<String> wrong = new ArrayList<>();
        for (NetworkLink link : node.links()) {
            String name = link.interfaceName();
            InterfaceReading got = read.get(name);
            if (got == null) {
                wrong.add(name + " is not configured");
                continue;
            }
            var network = project.networks().get(link.network());
            compare(wrong, name, "address", List.of(link.address() + "/" + network.prefixLength()), got.addresses());
            compare(wrong, name, "gateway", network.gateway(), got.gateway());
            // Tandem writes no route but the default one (the fallback's route is the service's, not the files').
            compare(wrong, name, "routes", List.of(), got.routes());
            Optional<ReplicationFallback> arp = ReplicationFallback.of(project, node).filter(f -> link.network() == NetworkRole.REPLICATION);
            Bond bond = link.bond();
            if (bond == null) {
                if (got.bond() != null) {
                    wrong.add(name + " is a bond, the project has a plain interface");
                }
                continue;
            }
            if (got.bond() == null) {
                wrong.add(name + " is not a bond");
                continue;
            }
            InterfaceReading.Bond b = got.bond();
            compare(wrong, name, "bond mode", bond.mode().kernelName(), b.mode());
            compare(wrong, name, "slaves", bond.slaves().stream().sorted().toList(), b.slaves().stream().sorted().toList());
            // With the fallback the replication bond checks its link by ARP every "miimon" ms, without MII monitor and its delays.
            compare(wrong, name, "MII monitor interval (ms)", arp.isPresent() ? null : bond.miimon(), b.miimon());
            compare(wrong, name, "up delay (ms)", arp.isPresent() ? null : bond.updelay(), b.updelay());
            compare(wrong, name, "down delay (ms)", arp.isPresent() ? null : bond.downdelay(), b.downdelay());
            compare(wrong, name, "ARP monitor interval (ms)", arp.isPresent() ? bond.miimon() : null, b.arpInterval());
            compare(wrong, name, "ARP targets", arp.map(f -> List.of(f.arpTarget())).orElse(List.of()), b.arpTargets());
            compare(wrong, name, "primary slave", bond.primary(), b.primary());
        }
        return wrong;
    }

    private static void compare(List<String> wrong, String iface, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            wrong.add(iface + " " + what + ": read " + (actual == null ? "nothing" : actual) + ", the project says "
                    + (expected == null ? "none" : expected));
        }
    }
}
