package io.tandem.facts;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SBD disk's header as {@code sbd -d DEV dump} prints it (sbd 1.5): its timeouts in seconds and
 * its slot count. A disk without a header makes dump exit 1 after its first line, so "no header" is
 * told by the exit status and by the missing timeout lines.
 */
public record SbdHeader(int watchdogSeconds, int msgwaitSeconds, int slots) {

    private static final Pattern LINE = Pattern.compile("(?m)^(Timeout \\((?:watchdog|msgwait)\\)|Number of slots)\\s*:\\s*(\\d{1,9})\\s*$");

    /** The header, or empty when the dump holds no watchdog and msgwait timeouts. */
    public static Optional<SbdHeader> parse(String dump) {
        Map<String, Integer> values = new HashMap<>();
        Matcher m = LINE.matcher(dump);
        while (m.find()) {
            values.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        Integer watchdog = values.get("Timeout (watchdog)");
        Integer msgwait = values.get("Timeout (msgwait)");
        if (watchdog == null || msgwait == null) {
            return Optional.empty();
        }
        return Optional.of(new SbdHeader(watchdog, msgwait, values.getOrDefault("Number of slots", 0)));
    }

    public boolean hasTimeouts(int watchdog, int msgwait) {
        return watchdogSeconds == watchdog && msgwaitSeconds == msgwait;
    }
}
