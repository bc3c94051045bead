package io.tandem.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the output of {@link #COMMAND}: one line {@code NAME SPEED DRIVER} per interface but
 * {@code lo}, with {@code -} for what sysfs does not tell. Interface names cannot contain blanks
 * (the kernel refuses them), so three words per line is a safe format.
 */
public final class NicHardwareParser {

    public static final String FACT = "NIC speed and driver (sysfs)";

    /**
     * POSIX sh. Reading {@code speed} fails with EINVAL on a link that is down or virtual, hence the
     * {@code 2>/dev/null}; {@code -d} skips {@code bonding_masters}, a plain file that the bonding
     * module puts in the same directory.
     */
    public static final String COMMAND = "for d in /sys/class/net/*; do n=${d##*/}; "
            + "[ -d \"$d\" ] && [ \"$n\" != lo ] || continue; "
            + "s=$(cat \"$d/speed\" 2>/dev/null) || s=-; [ -n \"$s\" ] || s=-; "
            + "if [ -e \"$d/device/driver\" ]; then v=$(basename \"$(readlink -f \"$d/device/driver\")\"); else v=-; fi; "
            + "echo \"$n $s $v\"; done";

    /** Kernels before 4.x printed SPEED_UNKNOWN as an unsigned 32-bit number. */
    private static final long UNSIGNED_UNKNOWN = 4294967295L;

    private NicHardwareParser() {
    }

    public static Map<String, NicHardware> parse(String output) throws FactParseException {
        Map<String, NicHardware> nics = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] words = line.strip().split("\\s+");
            if (words.length != 3) {
                throw new FactParseException(FACT, "expected 'NAME SPEED DRIVER', got: " + line.strip());
            }
            nics.put(words[0], new NicHardware(words[0], speed(words[1]), words[2].equals("-") ? null : words[2]));
        }
        return Collections.unmodifiableMap(nics);
    }

    private static Integer speed(String text) throws FactParseException {
        if (text.equals("-")) {
            return null;
        }
        long speed;
        try {
            speed = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new FactParseException(FACT, "speed is not a number: " + text, e);
        }
        return speed <= 0 || speed >= UNSIGNED_UNKNOWN || speed > Integer.MAX_VALUE ? null : (int) speed;
    }
}
