package io.tandem.facts;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code ip -j addr} into interface name → addresses, interfaces in the kernel's order.
 * Every interface is present, with an empty list when it has no address (bond slaves).
 */
public final class IpAddrParser {

    public static final String FACT = "ip -j addr";
    public static final String COMMAND = "ip -j addr";

    private IpAddrParser() {
    }

    public static Map<String, List<IfAddress>> parse(String output) throws FactParseException {
        JsonNode root = JsonOutput.read(FACT, output);
        if (!root.isArray()) {
            throw new FactParseException(FACT, "expected an array of interfaces");
        }
        Map<String, List<IfAddress>> byInterface = new LinkedHashMap<>();
        for (JsonNode link : root) {
            if (!link.isObject()) {
                throw new FactParseException(FACT, "expected an object per interface, got " + link);
            }
            String name = JsonOutput.requiredText(FACT, link, "ifname");
            List<IfAddress> addresses = new ArrayList<>();
            for (JsonNode info : link.path("addr_info")) {
                IfAddress.Family family = family(JsonOutput.text(info, "family"));
                String local = JsonOutput.text(info, "local");
                if (family == null || local == null) {
                    continue; // another family, or an entry without an address of its own
                }
                addresses.add(new IfAddress(family, local,
                        JsonOutput.requiredInt(FACT, info, "prefixlen"),
                        JsonOutput.text(info, "scope"),
                        JsonOutput.flag(FACT, info, "secondary")));
            }
            byInterface.put(name, List.copyOf(addresses));
        }
        return Collections.unmodifiableMap(byInterface);
    }

    private static IfAddress.Family family(String text) {
        if ("inet".equals(text)) {
            return IfAddress.Family.IPV4;
        }
        return "inet6".equals(text) ? IfAddress.Family.IPV6 : null;
    }
}
