package io.tandem.apply;

import java.util.Locale;
import java.util.Random;

/**
 * The demo nodes' pings to their peer, in iputils' words as the status script frames them
 * ({@link io.tandem.facts.PeerPings}): a reply of a few tenths of a millisecond on a switched
 * client network, less on the direct replication link, now and then a slower one; no reply within
 * the wait when the peer is not there on that network.
 */
final class SimulatedPings {

    private final Random random = new Random(7);

    /** One ping's framed lines: {@code network} is the fact's name for it, {@code millis} null for no reply. */
    static String framed(String network, String address, Double millis) {
        StringBuilder out = new StringBuilder();
        out.append(network).append(" PING ").append(address).append(" (").append(address).append(") 56(84) bytes of data.\n");
        if (millis != null) {
            out.append(network).append(" 64 bytes from ").append(address).append(": icmp_seq=1 ttl=64 time=").append(replyTime(millis)).append(" ms\n");
        }
        out.append(network).append(" \n").append(network).append(" --- ").append(address).append(" ping statistics ---\n");
        if (millis != null) {
            String avg = String.format(Locale.ROOT, "%.3f", millis);
            out.append(network).append(" 1 packets transmitted, 1 received, 0% packet loss, time 0ms\n")
                    .append(network).append(" rtt min/avg/max/mdev = ").append(avg).append('/').append(avg).append('/').append(avg).append("/0.000 ms\n")
                    .append(network).append(" @@EXIT 0\n");
        } else {
            out.append(network).append(" 1 packets transmitted, 0 received, 100% packet loss, time 0ms\n").append(network).append(" \n")
                    .append(network).append(" @@EXIT 1\n");
        }
        return out.toString();
    }

    /** iputils prints three decimals under 1 ms, two under 10, one under 100. */
    private static String replyTime(double ms) {
        return String.format(Locale.ROOT, ms < 1 ? "%.3f" : ms < 10 ? "%.2f" : ms < 100 ? "%.1f" : "%.0f", ms);
    }

    /** A round trip in milliseconds on a live link: {@code base} with noise and a rare slow packet. */
    synchronized double roundTrip(double base) {
        double slow = random.nextDouble() < 0.03 ? 3 + random.nextDouble() * 4 : 1;
        return base * (0.75 + 0.5 * random.nextDouble()) * slow;
    }
}
