package io.tandem.facts;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code chronyc -n tracking} or {@code timedatectl show -p NTPSynchronized [-p TimeUSec]
 * [--value]}; {@link #parse} tells them apart by chrony's field names.
 */
public final class TimeSyncParser {

    public static final String FACT = "time synchronisation";
    /** chrony when it runs, else systemd's view (timesyncd or whatever timedated reports). */
    public static final String COMMAND = "chronyc -n tracking 2>/dev/null || timedatectl show -p NTPSynchronized";

    private static final Pattern FIELD = Pattern.compile("([A-Za-z ()]+?)\\s*:\\s*(.*?)\\s*");
    private static final Pattern REFERENCE = Pattern.compile("([0-9A-Fa-f]{8})\\s*\\((.*)\\)");
    private static final Pattern SYSTEM_TIME = Pattern.compile("(\\d+(?:\\.\\d+)?) seconds (fast|slow) of NTP time");
    private static final String UNSET_REFERENCE = "00000000";
    /** 127.127.1.1, chrony's reference id for its own clock under {@code local stratum N}. */
    private static final String LOCAL_REFERENCE = "7F7F0101";

    private TimeSyncParser() {
    }

    public static TimeSync parse(String output) throws FactParseException {
        if (output.contains("Reference ID") || output.contains("Leap status")) {
            return parseChronyTracking(output);
        }
        return parseTimedatectl(output);
    }

    public static TimeSync parseChronyTracking(String output) throws FactParseException {
        Map<String, String> fields = new HashMap<>();
        for (String line : output.split("\n")) {
            Matcher m = FIELD.matcher(line);
            if (!line.isBlank() && m.matches()) {
                fields.put(m.group(1), m.group(2));
            }
        }
        String reference = required(fields, "Reference ID");
        String leap = required(fields, "Leap status");
        Matcher ref = REFERENCE.matcher(reference);
        if (!ref.matches()) {
            throw new FactParseException(FACT, "unexpected Reference ID: " + reference);
        }
        String id = ref.group(1).toUpperCase();
        if (id.equals(LOCAL_REFERENCE)) {
            return new TimeSync(false, "local clock", null);
        }
        if (leap.equals("Not synchronised") || id.equals(UNSET_REFERENCE)) {
            return new TimeSync(false, null, null);
        }
        Matcher time = SYSTEM_TIME.matcher(required(fields, "System time"));
        if (!time.matches()) {
            throw new FactParseException(FACT, "unexpected System time: " + fields.get("System time"));
        }
        double offset = Double.parseDouble(time.group(1)) * (time.group(2).equals("fast") ? 1 : -1);
        String name = ref.group(2).strip();
        return new TimeSync(true, name.isEmpty() ? id : name, offset);
    }

    /** {@code NTPSynchronized=yes} lines, or with {@code --value} the bare {@code yes}/{@code no} first. */
    public static TimeSync parseTimedatectl(String output) throws FactParseException {
        for (String line : output.split("\n")) {
            String value = line.strip();
            if (value.isEmpty()) {
                continue;
            }
            if (value.startsWith("NTPSynchronized=")) {
                value = value.substring("NTPSynchronized=".length());
            } else if (value.contains("=")) {
                continue;
            }
            return switch (value) {
                case "yes" -> new TimeSync(true, null, null);
                case "no" -> new TimeSync(false, null, null);
                default -> throw new FactParseException(FACT, "expected NTPSynchronized yes or no, got: " + line.strip());
            };
        }
        throw new FactParseException(FACT, "neither chronyc tracking nor timedatectl output");
    }

    private static String required(Map<String, String> fields, String key) throws FactParseException {
        String value = fields.get(key);
        if (value == null) {
            throw new FactParseException(FACT, "chronyc tracking without '" + key + "'");
        }
        return value;
    }
}
