package io.tandem.facts;

import io.tandem.text.ShellQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One LIO target as configfs shows it ({@code /sys/kernel/config/target/iscsi/IQN}): per target
 * portal group its {@code enable} flag, its LUNs ({@code lun/lun_N}) and, per ACL, the kernel's
 * {@code info} text: "No active iSCSI Session for Initiator Endpoint: IQN" when nobody is logged in,
 * else "InitiatorName:", "LIO Session ID: …", "Session State: TARG_SESS_STATE_LOGGED_IN" and one
 * "Address A TCP …" line per connection; {@code dynamic_sessions} names initiators logged in
 * without an ACL (demo mode; Tandem's targets have none). Reading configfs is cheap (no targetcli,
 * no Python), so it fits every polling round.
 *
 * <p>Not captured from a real LIO yet (this machine has no configfs): the format above is the
 * kernel's as documented by its users; the reader is strict only about its own markers and takes a
 * session only from a "LIO Session ID:" line, so an unknown info text reads as no session, never
 * as one.
 */
public final class LioConfigfs {

    public static final String FACT = "LIO configfs";
    /** Marks the command's own lines; configfs names cannot start with "@@". */
    private static final String MARK = "@@";
    private static final Pattern ADDRESS = Pattern.compile("Address (\\S+) (?:TCP|SCTP)\\b.*");
    private static final Pattern STATE = Pattern.compile("Session State: (\\S+)");

    private LioConfigfs() {
    }

    /** A read-only script printing the target {@code iqn}'s portal groups, LUNs and ACL session texts; "@@ABSENT" when it does not exist. */
    public static String command(String iqn) {
        return command("/sys/kernel/config", iqn);
    }

    /** As {@link #command(String)} under another configfs root (tests run it on a directory tree shaped like LIO's). */
    static String command(String configfs, String iqn) {
        String dir = ShellQuote.quote(configfs + "/target/iscsi/" + iqn);
        return "t=" + dir + "\n"
                + "if [ ! -d \"$t\" ]; then echo '@@ABSENT'; else\n"
                + "for g in \"$t\"/tpgt_*; do [ -d \"$g\" ] || continue\n"
                + "  e=; read -r e < \"$g/enable\"; printf '@@TPG %s %s\\n' \"${g##*/}\" \"$e\"\n"
                + "  for l in \"$g\"/lun/lun_*; do [ -d \"$l\" ] && printf '@@LUN %s\\n' \"${l##*/lun_}\"; done\n"
                + "  for a in \"$g\"/acls/*; do [ -d \"$a\" ] || continue; printf '@@ACL %s\\n' \"${a##*/}\"; " + ShellRead.file("\"$a/info\"") + "; done\n"
                + "  if [ -r \"$g/dynamic_sessions\" ]; then echo '@@DYNAMIC'; " + ShellRead.file("\"$g/dynamic_sessions\"") + "; fi\n"
                + "done; fi";
    }

    public static TargetState parse(String output) throws FactParseException {
        if (output.strip().equals(MARK + "ABSENT")) {
            return TargetState.ABSENT;
        }
        boolean enabled = false;
        boolean seenGroup = false;
        List<Integer> luns = new ArrayList<>();
        List<TargetState.Session> sessions = new ArrayList<>();
        String block = "";
        String acl = null;
        String state = null;
        boolean session = false;
        List<String> addresses = new ArrayList<>();
        for (String raw : (output + "\n" + MARK + "END").split("\n")) {
            String line = raw.strip();
            if (line.startsWith(MARK)) {
                if (acl != null && session) {
                    sessions.add(new TargetState.Session(acl, state, addresses));
                }
                acl = null;
                state = null;
                session = false;
                addresses = new ArrayList<>();
                String[] words = line.substring(MARK.length()).split(" ");
                block = words[0];
                switch (block) {
                    case "TPG" -> {
                        seenGroup = true;
                        enabled |= words.length > 2 && words[2].equals("1");
                    }
                    case "LUN" -> {
                        if (words.length != 2 || !words[1].matches("\\d{1,5}")) {
                            throw new FactParseException(FACT, "not a LUN number: " + line);
                        }
                        luns.add(Integer.valueOf(words[1]));
                    }
                    case "ACL" -> acl = words.length == 2 ? words[1] : null;
                    case "DYNAMIC", "END" -> {
                    }
                    default -> throw new FactParseException(FACT, "unknown marker: " + line);
                }
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            if (block.equals("ACL")) {
                Matcher m;
                if (line.startsWith("LIO Session ID:")) {
                    session = true;
                } else if ((m = STATE.matcher(line)).matches()) {
                    state = m.group(1);
                } else if ((m = ADDRESS.matcher(line)).matches()) {
                    addresses.add(m.group(1));
                }
            } else if (block.equals("DYNAMIC")) {
                sessions.add(new TargetState.Session(line, null, List.of()));
            } else {
                throw new FactParseException(FACT, "unexpected line: " + line);
            }
        }
        if (!seenGroup) {
            throw new FactParseException(FACT, "the target has no portal group");
        }
        return new TargetState(true, enabled, luns, sessions);
    }
}
