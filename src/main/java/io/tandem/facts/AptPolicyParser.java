package io.tandem.facts;

import io.tandem.text.ShellQuote;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code apt-cache policy PKG…}: a {@code name:} line per package, then indented
 * {@code Installed:} and {@code Candidate:} lines and a version table. A package apt has never
 * heard of prints nothing at all, so it is simply absent from the result. The words are
 * translated in other locales, hence {@code LC_ALL=C} in the command.
 */
public final class AptPolicyParser {

    public static final String FACT = "apt-cache policy";

    private static final Pattern HEADER = Pattern.compile("(\\S+):");
    private static final Pattern FIELD = Pattern.compile("\\s+(Installed|Candidate):\\s*(\\S+)\\s*");
    private static final String NONE = "(none)";

    private AptPolicyParser() {
    }

    public static String command(List<String> packages) {
        if (packages.isEmpty()) {
            throw new IllegalArgumentException("no packages to ask about"); // without any, apt prints its sources instead
        }
        // Run as root, apt-cache rebuilds /var/cache/apt/pkgcache.bin and srcpkgcache.bin (~37 MB
        // each) when they are missing or stale; with both names empty it builds the cache in memory
        // only, and answers the same. Discovery changes nothing on a host.
        List<String> words = new ArrayList<>(List.of("apt-cache", "-o", "Dir::Cache::pkgcache=", "-o", "Dir::Cache::srcpkgcache=",
                "policy"));
        words.addAll(packages);
        return "LC_ALL=C " + ShellQuote.join(words);
    }

    public static Map<String, AptPolicy> parse(String output) throws FactParseException {
        Map<String, AptPolicy> policies = new LinkedHashMap<>();
        String name = null;
        String installed = null;
        String candidate = null;
        for (String line : output.split("\n")) {
            if (line.isBlank() || line.startsWith("N: ") || line.startsWith("W: ")) {
                continue;
            }
            Matcher header = HEADER.matcher(line);
            Matcher field = FIELD.matcher(line);
            if (header.matches()) {
                put(policies, name, installed, candidate);
                name = header.group(1);
                installed = null;
                candidate = null;
            } else if (field.matches() && name != null) {
                String version = field.group(2).equals(NONE) ? "" : field.group(2);
                if (field.group(1).equals("Installed")) {
                    installed = version;
                } else {
                    candidate = version;
                }
            } else if (!Character.isWhitespace(line.charAt(0))) {
                throw new FactParseException(FACT, "unexpected line (is the output translated?): " + line);
            }
        }
        put(policies, name, installed, candidate);
        return Collections.unmodifiableMap(policies);
    }

    /** Empty string stands for a "(none)" seen, null for a line never seen. */
    private static void put(Map<String, AptPolicy> policies, String name, String installed, String candidate)
            throws FactParseException {
        if (name == null) {
            return;
        }
        if (installed == null || candidate == null) {
            throw new FactParseException(FACT, "no Installed:/Candidate: lines for " + name);
        }
        policies.put(name, new AptPolicy(installed.isEmpty() ? null : installed, candidate.isEmpty() ? null : candidate));
    }
}
