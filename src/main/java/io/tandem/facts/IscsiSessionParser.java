package io.tandem.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code iscsiadm -m session}: one line per session, {@code TRANSPORT: [SID] PORTAL,TPGT IQN},
 * with {@code (non-flash)} or {@code (flash)} after it on open-iscsi 2.1 and later. The portal is
 * {@code ADDRESS:PORT}, an IPv6 address in brackets. With no session iscsiadm prints
 * "iscsiadm: No active sessions." (on stderr, exit 21); a line of its own like that is no session.
 * Any other line is an error: a session must never be guessed from a line that only looks alike.
 */
public final class IscsiSessionParser {

    public static final String FACT = "iscsiadm -m session";
    private static final Pattern LINE = Pattern.compile("(\\S+): \\[(\\d{1,9})\\] (\\S+:\\d{1,5}),(\\d{1,9}) (\\S+)(?: \\((?:non-)?flash\\))?");

    private IscsiSessionParser() {
    }

    public static List<IscsiSession> parse(String output) throws FactParseException {
        List<IscsiSession> sessions = new ArrayList<>();
        for (String raw : output.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("iscsiadm: ")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new FactParseException(FACT, "expected 'transport: [id] address:port,tag iqn', got: " + line);
            }
            sessions.add(new IscsiSession(m.group(1), Integer.parseInt(m.group(2)), m.group(3), Integer.parseInt(m.group(4)), m.group(5)));
        }
        return List.copyOf(sessions);
    }
}
