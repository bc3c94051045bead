package io.tandem.facts;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads DRBD versions from the first line of {@code /proc/drbd}
 * ({@code version: 8.4.11 (api:1/proto:86-101)}) and from {@code drbdadm --version}
 * ({@code DRBDADM_VERSION=9.22.0}, {@code DRBD_KERNEL_VERSION=…} or only
 * {@code DRBD_KERNEL_VERSION_CODE=0x08040b}), either alone or concatenated as {@link #COMMAND}
 * prints them. Empty output means neither the module nor the utils are there.
 */
public final class DrbdVersionParser {

    public static final String FACT = "DRBD versions";
    public static final String COMMAND = "drbdadm --version 2>/dev/null; cat /proc/drbd 2>/dev/null; true";

    private static final Pattern PROC_VERSION = Pattern.compile("version: (\\d+\\.\\d+\\.\\d+\\S*) \\(api:.*");
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Z_]+)=(.*)");
    private static final Pattern CODE = Pattern.compile("0x([0-9a-fA-F]{1,6})");

    private DrbdVersionParser() {
    }

    public static DrbdVersions parse(String output) throws FactParseException {
        String fromProc = null;
        String fromUtils = null;
        String fromCode = null;
        String utils = null;
        boolean recognized = false;
        for (String raw : output.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("version:")) {
                Matcher m = PROC_VERSION.matcher(line);
                if (!m.matches()) {
                    throw new FactParseException(FACT, "unexpected /proc/drbd version line: " + line);
                }
                fromProc = m.group(1);
                recognized = true;
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(line);
            if (!m.matches()) {
                continue;
            }
            recognized = true;
            String value = m.group(2).strip();
            switch (m.group(1)) {
                case "DRBDADM_VERSION" -> utils = value;
                case "DRBD_KERNEL_VERSION" -> fromUtils = value.isEmpty() ? null : value;
                case "DRBD_KERNEL_VERSION_CODE" -> fromCode = decode(value);
                default -> {
                    // build tag, API version, utils version code: not needed
                }
            }
        }
        if (!recognized && !output.isBlank()) {
            throw new FactParseException(FACT, "neither /proc/drbd nor 'drbdadm --version' output");
        }
        String kernel = fromProc != null ? fromProc : fromUtils != null ? fromUtils : fromCode;
        return new DrbdVersions(Optional.ofNullable(kernel), Optional.ofNullable(utils));
    }

    private static final Pattern MODINFO_VERSION = Pattern.compile("\\d+\\.\\d+(?:\\.\\d+)?[-.+~\\w]*");

    /**
     * Reads {@code modinfo -F version drbd}: the version of the module that would load
     * ({@code 8.4.11} in Debian 12's kernel), whether it is loaded or not. Empty output (a module
     * built into the kernel has no modinfo entry) means unknown.
     */
    public static Optional<String> parseModinfo(String output) throws FactParseException {
        String line = output.strip().lines().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            return Optional.empty();
        }
        if (!MODINFO_VERSION.matcher(line).matches()) {
            throw new FactParseException(FACT, "unexpected modinfo version: " + line);
        }
        return Optional.of(line);
    }

    /** {@code 0x08040b} → {@code 8.4.11}; {@code 0x000000} (no module loaded) → null. */
    private static String decode(String value) throws FactParseException {
        Matcher m = CODE.matcher(value);
        if (!m.matches()) {
            throw new FactParseException(FACT, "DRBD_KERNEL_VERSION_CODE is not a hex code: " + value);
        }
        int code = Integer.parseInt(m.group(1), 16);
        return code == 0 ? null : (code >> 16) + "." + ((code >> 8) & 0xff) + "." + (code & 0xff);
    }
}
