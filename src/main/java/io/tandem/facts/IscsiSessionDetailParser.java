package io.tandem.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code iscsiadm -m session -P 3} (open-iscsi 2.1): a {@code Target:} line, then per session
 * a {@code Current Portal:} line followed by indented {@code Key: value} lines (interface, states,
 * timeouts, CHAP with its passwords starred by iscsiadm, negotiated parameters) and the attached
 * SCSI devices. Only the keys below are read; the rest of the block is skipped. With no session
 * iscsiadm prints nothing on stdout (its "No active sessions." goes to stderr, exit 21).
 */
public final class IscsiSessionDetailParser {

    public static final String FACT = "iscsiadm -m session -P 3";
    public static final String COMMAND = "iscsiadm -m session -P 3";
    /** iscsiadm's exit status when there is no session (ISCSI_ERR_NO_OBJS_FOUND). */
    public static final int NO_SESSIONS = 21;

    private static final Pattern TARGET = Pattern.compile("Target: (\\S+)(?: \\((?:non-)?flash\\))?");
    private static final Pattern PORTAL = Pattern.compile("Current Portal: (\\S+:\\d{1,5}),(\\d{1,9})");
    private static final Pattern LUN = Pattern.compile("scsi\\d+ Channel \\d+ Id \\d+ Lun: (\\d{1,9})");
    private static final Pattern DISK = Pattern.compile("Attached scsi disk (\\S+)\\s+State: (\\S+)");
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z][A-Za-z ]*?):\\s*(.*)");

    private IscsiSessionDetailParser() {
    }

    public static List<IscsiSessionDetail> parse(String output) throws FactParseException {
        List<IscsiSessionDetail> sessions = new ArrayList<>();
        String target = null;
        Builder current = null;
        for (String raw : output.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("iscsiadm: ")) {
                continue;
            }
            Matcher m;
            if ((m = TARGET.matcher(line)).matches()) {
                add(sessions, current);
                current = null;
                target = m.group(1);
            } else if ((m = PORTAL.matcher(line)).matches()) {
                if (target == null) {
                    throw new FactParseException(FACT, "a portal before any 'Target:' line: " + line);
                }
                add(sessions, current);
                current = new Builder(target, m.group(1), Integer.parseInt(m.group(2)));
            } else if (line.startsWith("iSCSI Transport Class version") || line.startsWith("version ")) {
                continue;
            } else if (current != null) {
                current.read(line);
            } else if (target == null) {
                throw new FactParseException(FACT, "expected 'Target:' first, got: " + line);
            }
        }
        add(sessions, current);
        return List.copyOf(sessions);
    }

    private static void add(List<IscsiSessionDetail> sessions, Builder builder) {
        if (builder != null) {
            sessions.add(builder.build());
        }
    }

    private static final class Builder {
        private final String target;
        private final String portal;
        private final int tag;
        private Integer sessionId;
        private String initiator;
        private String connectionState;
        private String sessionState;
        private Integer recoveryTimeout;
        private Integer lun;
        private final List<IscsiSessionDetail.Disk> disks = new ArrayList<>();

        Builder(String target, String portal, int tag) {
            this.target = target;
            this.portal = portal;
            this.tag = tag;
        }

        void read(String line) {
            Matcher m;
            if ((m = LUN.matcher(line)).matches()) {
                lun = Integer.valueOf(m.group(1));
                return;
            }
            if ((m = DISK.matcher(line)).matches()) {
                if (lun != null) {
                    disks.add(new IscsiSessionDetail.Disk(lun, m.group(1), m.group(2)));
                }
                return;
            }
            if (!(m = KEY_VALUE.matcher(line)).matches()) {
                return;
            }
            String value = m.group(2).strip();
            switch (m.group(1)) {
                case "SID" -> sessionId = number(value);
                case "Iface Initiatorname" -> initiator = value.isEmpty() || value.equals("<empty>") ? null : value;
                case "iSCSI Connection State" -> connectionState = value;
                case "iSCSI Session State" -> sessionState = value;
                case "Recovery Timeout" -> recoveryTimeout = number(value);
                default -> {
                }
            }
        }

        private static Integer number(String value) {
            return value.matches("\\d{1,9}") ? Integer.valueOf(value) : null;
        }

        IscsiSessionDetail build() {
            return new IscsiSessionDetail(target, portal, tag, sessionId, initiator, connectionState, sessionState, recoveryTimeout, disks);
        }
    }
}
