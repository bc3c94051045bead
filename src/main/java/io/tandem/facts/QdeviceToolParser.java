package io.tandem.facts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code corosync-qdevice-tool -s} (stdout and stderr together): "Key:&lt;tabs&gt;value" lines in a
 * "Qdevice information" section and, for the net model, a "Qdevice-net information" section with
 * {@code QNetd host}, {@code Algorithm} and {@code State}. When the daemon does not run the tool
 * says why in one line ("Can't connect to QDevice socket …") and exits non-zero.
 */
public final class QdeviceToolParser {

    public static final String COMMAND = "LC_ALL=C corosync-qdevice-tool -s 2>&1";
    private static final int NOT_INSTALLED = 127;

    private QdeviceToolParser() {
    }

    public static QdeviceStatus parse(String output, int exitStatus) throws FactParseException {
        if (exitStatus == NOT_INSTALLED) {
            return QdeviceStatus.notRunning("corosync-qdevice is not installed");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : output.lines().toList()) {
            int colon = line.indexOf(':');
            // Keys start a line; the node lists below "Configured node list:" are indented.
            if (colon > 0 && !Character.isWhitespace(line.charAt(0))) {
                values.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        if (exitStatus != 0 || !values.containsKey("Model")) {
            String first = output.strip().lines().findFirst().orElse("").strip();
            return QdeviceStatus.notRunning(first.isEmpty() ? "corosync-qdevice-tool exited " + exitStatus + " without a word" : first);
        }
        if (!values.containsKey("State")) {
            throw new FactParseException("corosync-qdevice-tool -s", "no State line (model " + values.get("Model") + ")");
        }
        return new QdeviceStatus(true, values.get("State"), values.get("QNetd host"), values.get("Algorithm"), null);
    }
}
