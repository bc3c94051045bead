package io.tandem.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules in {@code iptables -S INPUT} that drop or reject TCP to a port: what a portblock
 * resource leaves behind when its unblock failed (Debian 12's stock agent never removes its rule,
 * see {@link StockPortblock}; Tandem's own agent marks its rule with the comment
 * "tandem-portblock"). {@code -S} prints the rules as the arguments that made them, one per line
 * ({@code -P INPUT ACCEPT}, then {@code -A INPUT …}), so no numeric protocol listing can hide one.
 */
public final class PortBlockRules {

    public static final String FACT = "iptables -S INPUT";
    /** {@code -w}: wait for the xtables lock instead of failing while an agent holds it. */
    public static final String COMMAND = "iptables -w 5 -S INPUT";

    private PortBlockRules() {
    }

    /** One blocking rule: the line as iptables printed it and the address it applies to (null: every address). */
    public record Rule(String line, String destination) {

        /** The command that deletes this rule: the same arguments after {@code -D}. */
        public String deleteCommand() {
            return "iptables -D" + line.substring(2);
        }
    }

    public static List<Rule> parse(String output, int port) throws FactParseException {
        List<Rule> rules = new ArrayList<>();
        for (String raw : output.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("-P ") || line.startsWith("-N ")) {
                continue;
            }
            if (!line.startsWith("-A ")) {
                throw new FactParseException(FACT, "expected '-P', '-N' or '-A' rules, got: " + line);
            }
            List<String> words = List.of(line.split("\\s+"));
            String target = after(words, "-j");
            boolean blocks = "DROP".equals(target) || "REJECT".equals(target);
            boolean tcp = "tcp".equals(after(words, "-p")) || "6".equals(after(words, "-p"));
            if (blocks && tcp && covers(after(words, "--dports"), port) | covers(after(words, "--dport"), port)) {
                String destination = after(words, "-d");
                rules.add(new Rule(line, destination == null ? null : destination.replaceFirst("/32$", "")));
            }
        }
        return List.copyOf(rules);
    }

    private static String after(List<String> words, String option) {
        int i = words.indexOf(option);
        return i >= 0 && i + 1 < words.size() ? words.get(i + 1) : null;
    }

    /** "3260", "3260,3261" or "3000:4000" (iptables' range) covers {@code port}. */
    private static boolean covers(String ports, int port) {
        if (ports == null) {
            return false;
        }
        for (String item : ports.split(",")) {
            String[] range = item.split(":", 2);
            if (!range[0].matches("\\d{1,5}") || range.length == 2 && !range[1].matches("\\d{1,5}")) {
                continue;
            }
            int low = Integer.parseInt(range[0]);
            int high = range.length == 2 ? Integer.parseInt(range[1]) : low;
            if (port >= low && port <= high) {
                return true;
            }
        }
        return false;
    }
}
