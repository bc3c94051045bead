package io.tandem.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * All fact commands of a host in one shell script, so discovery costs one round trip: each
 * command's output is framed by marker lines carrying its name and exit status. Every command is
 * read-only by construction (no writes, no caches: {@code wipefs -n}, {@code blkid -c /dev/null}).
 */
public final class FactScript {

    /** One command whose output is one section. */
    public record Fact(String name, String command) {
    }

    /** A section of the output: what the command printed on stdout and its exit status. */
    public record Section(String output, int exitStatus) {

        /** Without the output: it may hold host files before their secrets are masked. */
        @Override
        public String toString() {
            return "Section[" + output.length() + " chars, exit " + exitStatus + "]";
        }
    }

    private FactScript() {
    }

    /** A fresh marker nonce, so no command output can imitate a section boundary. */
    public static String nonce() {
        return java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(6));
    }

    /** The script: each fact's stdout between markers, its stderr discarded. */
    public static String script(List<Fact> facts, String nonce) {
        StringBuilder out = new StringBuilder("export LC_ALL=C\n");
        for (Fact fact : facts) {
            out.append("printf '@@").append(nonce).append("-BEGIN ").append(fact.name()).append("\\n'\n")
                    .append("{ ").append(fact.command()).append("\n} 2>/dev/null\n")
                    .append("printf '\\n@@").append(nonce).append("-END ").append(fact.name()).append(" %d\\n' \"$?\"\n");
        }
        return out.toString();
    }

    /** Splits the script's output into sections by fact name; the final newline of each output is kept. */
    public static Map<String, Section> parse(String output, String nonce) {
        Pattern frame = Pattern.compile("^@@" + Pattern.quote(nonce) + "-BEGIN ([a-z0-9-]+)\\n(.*?)\\n@@" + Pattern.quote(nonce)
                + "-END \\1 (\\d+)$", Pattern.MULTILINE | Pattern.DOTALL);
        Map<String, Section> sections = new LinkedHashMap<>();
        Matcher m = frame.matcher(output);
        while (m.find()) {
            sections.put(m.group(1), new Section(m.group(2), Integer.parseInt(m.group(3))));
        }
        return sections;
    }
}
