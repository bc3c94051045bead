package io.tandem.facts;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code /proc/meminfo} ({@code MemTotal:  24684096 kB}). Kernels before 3.14 have no
 * MemAvailable; there, free + buffers + page cache is the usual estimate.
 */
public final class MemInfoParser {

    public static final String FACT = "/proc/meminfo";
    public static final String COMMAND = "cat /proc/meminfo";

    private static final Pattern LINE = Pattern.compile("([^\\s:]+):\\s+(\\d{1,15})(?:\\s+kB)?\\s*");

    private MemInfoParser() {
    }

    public static MemInfo parse(String output) throws FactParseException {
        Map<String, Long> kib = new HashMap<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new FactParseException(FACT, "expected 'Key: number kB', got: " + line.strip());
            }
            kib.put(m.group(1), Long.parseLong(m.group(2)));
        }
        Long total = kib.get("MemTotal");
        if (total == null) {
            throw new FactParseException(FACT, "no MemTotal line");
        }
        Long available = kib.get("MemAvailable");
        if (available == null) {
            available = kib.getOrDefault("MemFree", 0L) + kib.getOrDefault("Buffers", 0L) + kib.getOrDefault("Cached", 0L);
        }
        return new MemInfo(total * 1024, available * 1024);
    }
}
