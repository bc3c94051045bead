package io.tandem.failover;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a node's journal says about a failover: Pacemaker's operations (requested, and their
 * results), corosync losing the token and forming a new membership, fencing, DRBD losing its peer
 * (the kernel's {@code conn( Connected -> Timeout )}: I/O waits from there while fencing is
 * resource-and-stonith) and its fence-peer handler called and returned. Reads {@code journalctl -o short-unix} lines (epoch stamps, what Tandem asks for) and
 * short-precise ones ({@code Nov 25 13:07:20.257760 ...}, as the hand-built lab's timelines were
 * kept) with the year and zone given. Times stay in the node's clock.
 */
public final class ClusterLog {

    public enum Kind { OPERATION_REQUESTED, OPERATION_RESULT, TOKEN_LOST, MEMBERSHIP, FENCED, REPLICATION_LOST, FENCE_PEER, FENCE_PEER_RETURNED }

    /** One line that matters. {@code resource}/{@code operation}/{@code node} are empty when the kind has none. */
    public record Entry(double at, String host, Kind kind, String operation, String resource, String node, String result, String line) {
    }

    private static final Pattern UNIX = Pattern.compile("(\\d{9,11}\\.\\d+) (\\S+) (.*)");
    private static final Pattern PRECISE = Pattern.compile("([A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2}\\.\\d+) (.*)");

    private static final Pattern REQUESTED = Pattern.compile("Requesting local execution of (\\w+) operation for (\\S+) on (\\S+)");
    private static final Pattern RESULT = Pattern.compile("Result of (\\w+) operation for (\\S+) on (\\S+): (.+)");
    private static final Pattern TOKEN = Pattern.compile("Token has not been received in|A processor failed, forming new configuration");
    private static final Pattern MEMBERS = Pattern.compile("A new membership \\(\\S+\\) was formed\\. Members left: (.+)");
    private static final Pattern TERMINATED = Pattern.compile("(?:Node |Peer )?(\\S+) (?:was|has been) (?:terminated|fenced) \\((\\w+)\\) by (\\S+).*: OK");
    private static final Pattern OPERATION_OK = Pattern.compile("Operation '?(\\w+)'? (?:\\[\\d+\\] )?(?:\\(\\S+\\) )?(?:for|targeting) (\\S+) .*(?:: OK|returned: 0)");
    private static final Pattern FENCE_PEER = Pattern.compile("helper command: /sbin/drbdadm fence-peer (\\S+)$");
    private static final Pattern FENCE_PEER_RETURNED = Pattern.compile("drbd (\\S+): fence-peer helper (?:returned|broken, returned) (\\d+)(.*)");
    /** 8.4 and 9 alike: the connection leaves Connected for a failure state (not a Disconnecting asked for). */
    private static final Pattern REPLICATION_LOST = Pattern.compile(
            "drbd (\\S+)(?:/\\d+)?(?: \\S+)?: .*conn\\( \\w+ -> (NetworkFailure|Timeout|BrokenPipe|ProtocolError) \\)");

    private ClusterLog() {
    }

    /** The lines that matter, in order; {@code host} names the node when the line does not (short-precise without a host). */
    public static List<Entry> parse(String text, String host, int year, ZoneOffset zone) {
        DateTimeFormatter time = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMM d HH:mm:ss")
                .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).parseDefaulting(ChronoField.YEAR, year).toFormatter(Locale.ROOT);
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            stamped(line.strip(), host, time, zone).flatMap(s -> entry(s.at, s.host, s.message)).ifPresent(entries::add);
        }
        return entries;
    }

    private record Stamped(double at, String host, String message) {
    }

    private static Optional<Stamped> stamped(String line, String host, DateTimeFormatter time, ZoneOffset zone) {
        Matcher unix = UNIX.matcher(line);
        if (unix.matches()) {
            return Optional.of(new Stamped(Double.parseDouble(unix.group(1)), unix.group(2), unix.group(3)));
        }
        Matcher precise = PRECISE.matcher(line);
        if (precise.matches()) {
            var instant = LocalDateTime.parse(precise.group(1).replaceAll(" +", " "), time).toInstant(zone);
            return Optional.of(new Stamped(instant.getEpochSecond() + instant.getNano() / 1e9, host, precise.group(2)));
        }
        return Optional.empty();
    }

    private static Optional<Entry> entry(double at, String host, String message) {
        Matcher m = REQUESTED.matcher(message);
        if (m.find()) {
            return Optional.of(new Entry(at, host, Kind.OPERATION_REQUESTED, m.group(1), m.group(2), m.group(3), "", message));
        }
        m = RESULT.matcher(message);
        if (m.find()) {
            return Optional.of(new Entry(at, host, Kind.OPERATION_RESULT, m.group(1), m.group(2), m.group(3), m.group(4).strip(), message));
        }
        if (TOKEN.matcher(message).find()) {
            return Optional.of(new Entry(at, host, Kind.TOKEN_LOST, "", "", "", "", message));
        }
        m = MEMBERS.matcher(message);
        if (m.find()) {
            return Optional.of(new Entry(at, host, Kind.MEMBERSHIP, "", "", "", m.group(1).strip(), message));
        }
        m = TERMINATED.matcher(message);
        if (m.find()) {
            return Optional.of(new Entry(at, host, Kind.FENCED, m.group(2), "", m.group(1), "OK", message));
        }
        m = OPERATION_OK.matcher(message);
        if (message.contains("fence") && m.find()) {
            return Optional.of(new Entry(at, host, Kind.FENCED, m.group(1), "", m.group(2), "OK", message));
        }
        m = FENCE_PEER.matcher(message);
        if (m.find()) {
            return Optional.of(new Entry(at, host, Kind.FENCE_PEER, "fence-peer", m.group(1), "", "", message));
        }
        m = FENCE_PEER_RETURNED.matcher(message);
        if (m.find()) {
            return Optional.of(new Entry(at, host, Kind.FENCE_PEER_RETURNED, "fence-peer", m.group(1), "", (m.group(2) + m.group(3)).strip(), message));
        }
        m = REPLICATION_LOST.matcher(message);
        if (m.find()) {
            return Optional.of(new Entry(at, host, Kind.REPLICATION_LOST, "", m.group(1), "", m.group(2), message));
        }
        return Optional.empty();
    }
}
