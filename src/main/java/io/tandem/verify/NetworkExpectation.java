package io.tandem.verify;

import io.tandem.model.Bond;
import io.tandem.model.NetworkLink;
import io.tandem.model.Node;
import io.tandem.model.Project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
            compare(wrong, name, "MII monitor interval (ms)", bond.miimon(), b.miimon());
            compare(wrong, name, "up delay (ms)", bond.updelay(), b.updelay());
            compare(wrong, name, "down delay (ms)", bond.downdelay(), b.downdelay());
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
