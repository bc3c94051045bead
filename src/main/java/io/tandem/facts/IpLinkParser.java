package io.tandem.facts;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code ip -j link} (or {@code ip -j -d link}, which adds the link kinds). */
public final class IpLinkParser {

    public static final String FACT = "ip -j link";
    public static final String COMMAND = "ip -j -d link";

    private IpLinkParser() {
    }

    public static List<NetLink> parse(String output) throws FactParseException {
        JsonNode root = JsonOutput.read(FACT, output);
        if (!root.isArray()) {
            throw new FactParseException(FACT, "expected an array of links");
        }
        List<NetLink> links = new ArrayList<>();
        for (JsonNode link : root) {
            if (!link.isObject()) {
                throw new FactParseException(FACT, "expected an object per link, got " + link);
            }
            String name = JsonOutput.requiredText(FACT, link, "ifname");
            String mac = JsonOutput.text(link, "address");
            String permanent = JsonOutput.text(link, "permaddr");
            JsonNode info = link.path("linkinfo");
            links.add(new NetLink(
                    name,
                    JsonOutput.requiredInt(FACT, link, "ifindex"),
                    mac,
                    permanent == null || permanent.equals(mac) ? null : permanent,
                    JsonOutput.requiredInt(FACT, link, "mtu"),
                    JsonOutput.text(link, "operstate"),
                    JsonOutput.strings(link, "flags"),
                    JsonOutput.text(link, "master"),
                    JsonOutput.text(info, "info_kind"),
                    JsonOutput.text(info, "info_slave_kind")));
        }
        return List.copyOf(links);
    }
}
