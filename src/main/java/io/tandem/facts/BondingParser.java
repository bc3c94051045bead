package io.tandem.facts;

import io.tandem.text.ShellQuote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code /proc/net/bonding/NAME}: {@code Key: value} lines, the bond's first, then one
 * block per {@code Slave Interface:}. The file does not name the bond, so the caller passes the
 * name it read. Keys this parser does not use (802.3ad details, queue ids) are skipped.
 */
public final class BondingParser {

    public static final String FACT = "/proc/net/bonding";

    private static final Pattern KEY_VALUE = Pattern.compile("\\s*([^:]+?):\\s*(.*?)\\s*");
    private static final Pattern SPEED = Pattern.compile("(\\d+) Mbps");

    private BondingParser() {
    }

    /** Every bond's file, each after a line {@code @@BOND NAME}; nothing when the bonding driver is not loaded. */
    public static final String ALL_COMMAND = "for f in /proc/net/bonding/*; do [ -r \"$f\" ] || continue; "
            + "printf '@@BOND %s\\n' \"${f##*/}\"; " + ShellRead.file("\"$f\"") + "; done";
    private static final String BOND_MARK = "@@BOND ";

    /** {@link #ALL_COMMAND}'s output split into each bond's file text, by bond name, in order. */
    public static Map<String, String> split(String output) {
        return FramedSections.split(output, BOND_MARK);
    }

    public static String command(String bondName) {
        return "cat " + ShellQuote.quote("/proc/net/bonding/" + bondName);
    }

    public static BondStatus parse(String bondName, String output) throws FactParseException {
        Map<String, String> bond = new HashMap<>();
        List<Map<String, String>> slaves = new ArrayList<>();
        Map<String, String> current = bond;
        for (String line : output.split("\n")) {
            Matcher m = KEY_VALUE.matcher(line);
            if (line.isBlank() || !m.matches()) {
                continue;
            }
            if (m.group(1).equals("Slave Interface")) {
                current = new HashMap<>();
                slaves.add(current);
            }
            current.putIfAbsent(m.group(1), m.group(2));
        }
        String mode = bond.get("Bonding Mode");
        if (mode == null) {
            throw new FactParseException(FACT, "no 'Bonding Mode:' line; is " + bondName + " a bond?");
        }
        List<BondStatus.Slave> parsed = new ArrayList<>();
        for (Map<String, String> slave : slaves) {
            if (slave.get("Slave Interface").isEmpty()) {
                throw new FactParseException(FACT, "a 'Slave Interface:' line without a name");
            }
            parsed.add(new BondStatus.Slave(
                    slave.get("Slave Interface"),
                    slave.get("MII Status"),
                    speed(slave.get("Speed")),
                    number(slave, "Link Failure Count", 0),
                    slave.get("Permanent HW addr")));
        }
        return new BondStatus(
                bondName,
                mode,
                bond.get("MII Status"),
                number(bond, "MII Polling Interval (ms)", null),
                number(bond, "Up Delay (ms)", 0),
                number(bond, "Down Delay (ms)", 0),
                slaveName(bond.get("Primary Slave")),
                slaveName(bond.get("Currently Active Slave")),
                parsed);
    }

    /** {@code eth0 (primary_reselect always)} → {@code eth0}; {@code None} → null. */
    private static String slaveName(String value) {
        if (value == null || value.isEmpty() || value.equals("None")) {
            return null;
        }
        return value.split("\\s+")[0];
    }

    private static Integer speed(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = SPEED.matcher(value);
        return m.matches() && m.group(1).length() < 10 ? Integer.valueOf(m.group(1)) : null;
    }

    private static int number(Map<String, String> section, String key, Integer absent) throws FactParseException {
        String value = section.get(key);
        if (value == null) {
            if (absent == null) {
                throw new FactParseException(FACT, "no '" + key + ":' line");
            }
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new FactParseException(FACT, "'" + key + "' is not a number: " + value, e);
        }
    }
}
