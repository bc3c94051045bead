package io.tandem.facts;

import io.tandem.text.ShellQuote;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code systemctl is-active UNIT…} and {@code systemctl is-enabled UNIT…}: one state word
 * per unit, in the order asked. Only stdout is read; the exit code is non-zero as soon as one unit
 * is not active/enabled, which is an answer, not a failure.
 *
 * <p>The result holds the units that got an answer. {@code is-enabled} stops at the first unit
 * it cannot find (stderr: "Failed to get unit file state"), so that unit and every later one are
 * missing; where systemd is not running, {@code is-active} answers nothing at all.
 */
public final class SystemctlStateParser {

    public static final String FACT = "systemctl";

    /** active, inactive, failed, activating…; enabled, disabled, static, masked, alias, not-found… */
    private static final Pattern STATE = Pattern.compile("[a-z][a-z-]*");

    private SystemctlStateParser() {
    }

    public static String isActiveCommand(List<String> units) {
        return command("is-active", units);
    }

    public static String isEnabledCommand(List<String> units) {
        return command("is-enabled", units);
    }

    private static String command(String verb, List<String> units) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("no units to ask about");
        }
        List<String> words = new ArrayList<>(List.of("systemctl", verb, "--"));
        words.addAll(units);
        return ShellQuote.join(words);
    }

    /** Unit (as asked) → state word, for the units that were answered, in the order asked. */
    public static Map<String, String> parse(List<String> units, String output) throws FactParseException {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).map(String::strip).toList();
        if (lines.size() > units.size()) {
            throw new FactParseException(FACT, lines.size() + " answers for " + units.size() + " units");
        }
        Map<String, String> states = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!STATE.matcher(lines.get(i)).matches()) {
                throw new FactParseException(FACT, "not a unit state: " + lines.get(i));
            }
            states.put(units.get(i), lines.get(i));
        }
        return Collections.unmodifiableMap(states);
    }
}
