package io.tandem.facts;

import io.tandem.text.ShellQuote;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One {@code ping -c 1} per network to the peer node's address there, all at once, in one fact:
 * each ping's lines come out prefixed with the network's name and end with its exit status
 * ({@code NAME @@EXIT N}), so the answers are told apart however the lines interleave. Running
 * them together keeps a dead link's one-second wait from adding up: the fact takes at most
 * {@link #WAIT_SECONDS} second more than a live one. Every process is ping or a subshell of the
 * shell (the prefix is written by {@code printf}, a builtin).
 */
public final class PeerPings {

    public static final int WAIT_SECONDS = 1;
    static final String EXIT = "@@EXIT ";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");

    private PeerPings() {
    }

    /** {@code targets}: the address to ping by name ("client" → "10.0.0.12"); names are plain words, addresses are quoted. */
    public static String command(Map<String, String> targets) {
        StringBuilder script = new StringBuilder();
        targets.forEach((name, address) -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a ping's name must be a lower-case word, not " + name);
            }
            script.append("{ { ping -n -c 1 -W ").append(WAIT_SECONDS).append(" -- ").append(ShellQuote.quote(address))
                    .append(" 2>&1; echo \"").append(EXIT).append("$?\"; } | while IFS= read -r l || [ -n \"$l\" ]; do printf '")
                    .append(name).append(" %s\\n' \"$l\"; done & }\n");
        });
        return script.append("wait").toString();
    }

    /** Each named ping's result; a name without its exit line (the script was cut short) is an error of its own. */
    public static Map<String, PingResult> parse(String output, Iterable<String> names) throws FactParseException {
        Map<String, StringBuilder> lines = new LinkedHashMap<>();
        Map<String, Integer> exits = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int space = line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = line.substring(0, space);
            String text = line.substring(space + 1);
            if (text.startsWith(EXIT)) {
                try {
                    exits.put(name, Integer.parseInt(text.substring(EXIT.length()).strip()));
                } catch (NumberFormatException e) {
                    throw new FactParseException(PingParser.FACT, "not an exit status: " + line);
                }
            } else {
                lines.computeIfAbsent(name, n -> new StringBuilder()).append(text).append('\n');
            }
        }
        Map<String, PingResult> results = new LinkedHashMap<>();
        for (String name : names) {
            Integer exit = exits.get(name);
            results.put(name, exit == null ? PingResult.notRun("the ping did not finish")
                    : PingParser.parse(lines.getOrDefault(name, new StringBuilder()).toString(), exit));
        }
        return results;
    }
}
