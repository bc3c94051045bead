package io.tandem.verify;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters a fence agent ({@code fence_X -o metadata}) or Pacemaker's fencer
 * ({@code pacemaker-fenced metadata}) declares: name, content type, allowed values of a select,
 * whether it is required or deprecated.
 */
public record AgentMetadata(String agent, Map<String, Parameter> parameters) {

    public record Parameter(String name, String type, List<String> options, boolean required, boolean deprecated) {

        /** Why {@code value} does not fit this parameter's declared type; empty when it does. */
        public Optional<String> rejects(String value) {
            return switch (type) {
                case "select" -> options.contains(value) ? Optional.empty()
                        : Optional.of("'" + value + "' is not one of " + String.join(", ", options));
                case "boolean" -> List.of("0", "1", "true", "false", "yes", "no", "on", "off").contains(value.toLowerCase())
                        ? Optional.empty() : Optional.of("'" + value + "' is not a boolean");
                case "integer", "second" -> value.matches("-?[0-9]+") ? Optional.empty() : Optional.of("'" + value + "' is not a number");
                // Pacemaker's time: a number with an optional unit, e.g. 60s or 2min.
                case "time" -> value.matches("[0-9]+\\s*(ms|msec|us|usec|s|sec|m|min|h|hr)?") ? Optional.empty()
                        : Optional.of("'" + value + "' is not a time");
                default -> Optional.empty();
            };
        }
    }

    public AgentMetadata {
        parameters = Map.copyOf(parameters);
    }

    /**
     * OCF agents declare their DTD ({@code <!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">}); the
     * parser refuses every DOCTYPE (no entity can reach a file), so this plain one, without an
     * internal subset, is dropped first.
     */
    private static final java.util.regex.Pattern PLAIN_DOCTYPE =
            java.util.regex.Pattern.compile("<!DOCTYPE\\s+resource-agent\\s+SYSTEM\\s+\"[^\"\\[\\]<>]*\"\\s*>");

    /** Parses agent metadata XML; {@link IllegalArgumentException} when it is not that. */
    public static AgentMetadata parse(String xml) {
        Element root = SimulationResultParser.parse(PLAIN_DOCTYPE.matcher(xml).replaceFirst("")).getDocumentElement();
        if (!root.getTagName().equals("resource-agent")) {
            throw new IllegalArgumentException("not agent metadata: the root element is <" + root.getTagName() + ">");
        }
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        NodeList all = root.getElementsByTagName("parameter");
        for (int i = 0; i < all.getLength(); i++) {
            Element p = (Element) all.item(i);
            Element content = (Element) p.getElementsByTagName("content").item(0);
            List<String> options = new ArrayList<>();
            String type = "string";
            if (content != null) {
                type = content.getAttribute("type");
                NodeList values = content.getElementsByTagName("option");
                for (int v = 0; v < values.getLength(); v++) {
                    options.add(((Element) values.item(v)).getAttribute("value"));
                }
            }
            String name = p.getAttribute("name");
            parameters.put(name, new Parameter(name, type, options, "1".equals(p.getAttribute("required")),
                    "1".equals(p.getAttribute("deprecated"))));
        }
        return new AgentMetadata(root.getAttribute("name"), parameters);
    }

    public Optional<Parameter> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }
}
