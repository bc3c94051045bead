package io.tandem.facts;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /proc/uptime}: seconds since boot and idle seconds, each with two decimals. */
public final class ProcUptime {

    public static final String FACT = "/proc/uptime";
    public static final String COMMAND = "cat /proc/uptime";
    private static final Pattern LINE = Pattern.compile("(\\d{1,12})\\.(\\d{2}) \\d{1,14}\\.\\d{2}\\s*");

    private ProcUptime() {
    }

    public static Duration parse(String output) throws FactParseException {
        Matcher m = LINE.matcher(output);
        if (!m.matches()) {
            throw new FactParseException(FACT, "expected 'SECONDS.CC IDLE.CC', got: " + output.strip());
        }
        return Duration.ofSeconds(Long.parseLong(m.group(1))).plusMillis(Long.parseLong(m.group(2)) * 10);
    }
}
