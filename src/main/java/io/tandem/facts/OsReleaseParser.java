package io.tandem.facts;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code /etc/os-release}: shell-style {@code KEY=value} lines, values optionally in double
 * quotes (with backslash escapes) or single quotes, as os-release(5) allows.
 */
public final class OsReleaseParser {

    public static final String FACT = "/etc/os-release";
    public static final String COMMAND = "cat /etc/os-release";

    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)");

    private OsReleaseParser() {
    }

    public static OsRelease parse(String output) throws FactParseException {
        Map<String, String> values = new HashMap<>();
        int number = 0;
        for (String line : output.split("\n", -1)) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(trimmed);
            if (!m.matches()) {
                throw new FactParseException(FACT, "line " + number + " is not KEY=value: " + trimmed);
            }
            values.put(m.group(1), unquote(m.group(2), number));
        }
        if (values.isEmpty()) {
            throw new FactParseException(FACT, "no KEY=value lines");
        }
        String codename = values.getOrDefault("VERSION_CODENAME", values.get("UBUNTU_CODENAME"));
        // os-release(5): "If not set, a default of ID=linux may be used."
        return new OsRelease(values.getOrDefault("ID", "linux"), values.get("VERSION_ID"), values.get("PRETTY_NAME"), codename);
    }

    private static String unquote(String raw, int number) throws FactParseException {
        if (raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
            return raw.substring(1, raw.length() - 1);
        }
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            StringBuilder value = new StringBuilder();
            String inner = raw.substring(1, raw.length() - 1);
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    c = inner.charAt(++i);
                }
                value.append(c);
            }
            return value.toString();
        }
        if (raw.startsWith("\"") || raw.startsWith("'")) {
            throw new FactParseException(FACT, "line " + number + " has an unterminated quote");
        }
        return raw;
    }
}
