package io.tandem.facts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of iputils' {@code ping -n -c 1 -W 1 ADDRESS} (stdout and stderr together) and its
 * exit status: 0 with a reply ("rtt min/avg/max/mdev = …" and "time=… ms"), 1 when no reply came
 * within the wait ("1 packets transmitted, 0 received"; with "Destination Host Unreachable" when a
 * router or the node's own ARP said so), 2 on an error ("ping: connect: Network is unreachable").
 */
public final class PingParser {

    public static final String FACT = "ping";
    /** The shell's status for a command it cannot find. */
    private static final int NOT_INSTALLED = 127;
    private static final Pattern SUMMARY = Pattern.compile("(?m)^rtt min/avg/max/mdev = [\\d.]+/([\\d.]+)/[\\d.]+/[\\d.]+ ms$");
    private static final Pattern REPLY_TIME = Pattern.compile("(?m)^\\d+ bytes from \\S+ icmp_seq=\\d+ ttl=\\d+ time=([\\d.]+) ms$");
    private static final Pattern LOSS = Pattern.compile("(?m)^(\\d+) packets transmitted, (\\d+) received");
    private static final Pattern UNREACHABLE = Pattern.compile("(?m)^From (\\S+) icmp_seq=\\d+ (.+)$");
    private static final Pattern ERROR = Pattern.compile("(?m)^ping: (.+)$");

    private PingParser() {
    }

    public static PingResult parse(String output, int exitStatus) throws FactParseException {
        if (exitStatus == NOT_INSTALLED) {
            return PingResult.notRun("ping is not installed (package iputils-ping)");
        }
        Matcher error = ERROR.matcher(output);
        if (exitStatus != 0 && exitStatus != 1 && error.find()) {
            return PingResult.error(error.group(1).strip());
        }
        Matcher summary = SUMMARY.matcher(output);
        if (exitStatus == 0 && summary.find()) {
            return PingResult.reply(number(summary.group(1)));
        }
        Matcher reply = REPLY_TIME.matcher(output);
        if (exitStatus == 0 && reply.find()) {
            return PingResult.reply(number(reply.group(1)));
        }
        Matcher loss = LOSS.matcher(output);
        if (exitStatus == 1 && loss.find() && loss.group(2).equals("0")) {
            Matcher from = UNREACHABLE.matcher(output);
            return PingResult.noReply(from.find() ? from.group(2).strip() + " (said " + from.group(1).replaceAll(":$", "") + ")"
                    : "no reply within the wait");
        }
        throw new FactParseException(FACT, "exit " + exitStatus + " with neither a reply nor a loss count: "
                + output.strip().lines().findFirst().orElse("(no output)"));
    }

    private static double number(String digits) throws FactParseException {
        try {
            return Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            throw new FactParseException(FACT, "not a time in milliseconds: " + digits);
        }
    }
}
