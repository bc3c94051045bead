package io.tandem.facts;

import java.util.Optional;

/**
 * Reads open-iscsi's {@code /etc/iscsi/initiatorname.iscsi}: comment lines ({@code ##} as the
 * package writes them) and one {@code InitiatorName=} line. No file, or a file without the line,
 * means the host has no initiator name yet (open-iscsi is not installed).
 */
public final class InitiatorNameParser {

    public static final String FACT = "initiator-name";
    private static final String FILE = "/etc/iscsi/initiatorname.iscsi";
    /** Empty output when the file does not exist; the file is mode 0600, so this runs as root. */
    public static final String COMMAND = "if [ -e " + FILE + " ]; then cat " + FILE + "; fi";

    private InitiatorNameParser() {
    }

    public static Optional<String> parse(String output) throws FactParseException {
        String found = null;
        for (String raw : output.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!line.startsWith("InitiatorName=")) {
                throw new FactParseException(FACT, "unexpected line in " + FILE + ": '" + line + "'");
            }
            if (found != null) {
                throw new FactParseException(FACT, FILE + " names the initiator twice");
            }
            found = line.substring("InitiatorName=".length()).strip();
            if (found.isEmpty()) {
                throw new FactParseException(FACT, FILE + " has an empty InitiatorName");
            }
        }
        return Optional.ofNullable(found);
    }
}
