package io.tandem.monitor;

import io.tandem.model.NetworkRole;

import java.util.Locale;

/**
 * The names of the measured series and what they mean: "latency CLIENT DEVICE" (a client's I/O
 * latency on a session disk, ms), "rtt client NODE" and "rtt replication NODE" (a node's ping to
 * its peer on that network, ms), "resync RESOURCE" (DRBD's resync rate, MiB/s). Each belongs to
 * one chart ({@link Group}).
 */
public final class SeriesNames {

    /** One chart: its title and the unit of its values. */
    public enum Group {
        LATENCY("Initiator I/O latency", "ms"),
        CLIENT_RTT("Client network round trip", "ms"),
        REPLICATION_RTT("Replication network round trip", "ms"),
        RESYNC("DRBD resync rate", "MiB/s");

        private final String title;
        private final String unit;

        Group(String title, String unit) {
            this.title = title;
            this.unit = unit;
        }

        public String title() {
            return title;
        }

        public String unit() {
            return unit;
        }
    }

    private SeriesNames() {
    }

    public static String latency(String client, String device) {
        return "latency " + client + " " + device;
    }

    public static String rtt(NetworkRole network, String node) {
        return "rtt " + network.jsonName() + " " + node;
    }

    public static String resync(String resource) {
        return "resync " + resource;
    }

    public static Group group(String name) {
        String[] words = name.split(" ", 3);
        return switch (words[0]) {
            case "latency" -> Group.LATENCY;
            case "rtt" -> words.length > 1 && words[1].equals(NetworkRole.REPLICATION.jsonName()) ? Group.REPLICATION_RTT : Group.CLIENT_RTT;
            case "resync" -> Group.RESYNC;
            default -> throw new IllegalArgumentException("not a series name: " + name);
        };
    }

    /** What a chart's legend calls the series: "client1 sdb", "from node1", "r0". */
    public static String label(String name) {
        String[] words = name.split(" ", 3);
        return switch (group(name)) {
            case LATENCY -> name.substring("latency ".length());
            case CLIENT_RTT, REPLICATION_RTT -> "from " + (words.length > 2 ? words[2] : "?");
            case RESYNC -> name.substring("resync ".length());
        };
    }

    public static String unit(String name) {
        return group(name).unit();
    }

    /** A value of the series as read: "0.81 ms", "38.6 MiB/s", "no reply". */
    public static String value(String name, double v) {
        if (SeriesWindow.lost(v)) {
            return group(name) == Group.LATENCY ? "stalled" : "no reply";
        }
        if (Double.isNaN(v)) {
            return "–";
        }
        return group(name) == Group.RESYNC ? String.format(Locale.ROOT, "%.1f MiB/s", v) : Amounts.millis(v);
    }
}
