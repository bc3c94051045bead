package io.tandem.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tandem.monitor.Amounts;
import io.tandem.monitor.Finding;
import io.tandem.monitor.StatusDocument;
import io.tandem.monitor.Verdict;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code tandem status} as text (the verdict, each finding with its fix, the facts) and as JSON. */
final class StatusPrinter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private StatusPrinter() {
    }

    static String json(StatusDocument doc, boolean pretty) {
        try {
            return (pretty ? JSON.writer().with(SerializationFeature.INDENT_OUTPUT) : JSON.writer()).writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the status document cannot be written as JSON", e);
        }
    }

    static StatusDocument readJson(String json) throws JsonProcessingException {
        return JSON.readValue(json, StatusDocument.class);
    }

    static void print(StatusDocument d, PrintWriter out) {
        out.printf(Locale.ROOT, "Cluster %s: %s (%s)%n", d.cluster(), d.verdict().word().toUpperCase(Locale.ROOT), d.verdictMeaning());
        out.printf(Locale.ROOT, "Read %s in %.3f s.%n", TIME.format(Instant.parse(d.readAt())), d.readSeconds());
        if (!d.findings().isEmpty()) {
            out.println();
        }
        for (Finding f : d.findings()) {
            out.printf("%-9s %s (%s)%n", label(f.severity()), f.reason(), f.code());
            out.printf("%-9s Fix: %s%n", "", f.fix());
        }
        section(out, "Nodes", d.nodes().stream().map(n -> {
            StatusDocument.Host h = host(d, n.name());
            return n.name() + "  " + n.membership() + (n.servesTarget() ? ", serves the target" : "") + hostFacts(h) + peerRtt(h);
        }).toList());
        section(out, "Replication (DRBD)", d.drbd().stream().map(StatusPrinter::drbd).toList());
        section(out, "Resources", d.resources().stream().map(r -> r.id() + "  " + r.where() + (r.failed() ? ", FAILED" : "")
                + (r.failCounts().isEmpty() ? "" : "  (failed " + String.join(", ", r.failCounts().stream().map(f -> f.count() + "× on " + f.node()).toList())
                + ")")).toList());
        section(out, "Bonds", d.bonds().stream().map(b -> b.bond() + " on " + b.node() + "  " + (!b.present() ? "not there"
                : (b.up() ? "up" : "DOWN") + (b.activeSlave() == null ? "" : ", active " + b.activeSlave()) + ": " + String.join(", ", b.slaves().stream()
                .map(x -> x.name() + " " + (x.up() ? "up" : "DOWN") + (x.linkFailures() == 0 ? "" : " (" + x.linkFailures() + " link failure"
                        + (x.linkFailures() == 1 ? "" : "s") + ")")).toList()))).toList());
        StatusDocument.Target t = d.target();
        List<String> target = new ArrayList<>();
        target.add(t.iqn() + " at " + t.portal() + ", " + (t.servedBy() == null ? "served nowhere" : "served by " + t.servedBy())
                + (t.luns() == null ? "" : "; LUNs " + (t.luns().isEmpty() ? "none" : String.join(", ", t.luns().stream().map(String::valueOf).toList()))));
        if (t.sessions() != null) {
            t.sessions().forEach(s -> target.add("session of " + s.initiator() + (s.addresses().isEmpty() ? "" : " from " + String.join(", ", s.addresses()))));
        }
        section(out, "Target", target);
        List<String> clients = new ArrayList<>();
        for (StatusDocument.Client c : d.clients()) {
            StatusDocument.Host h = host(d, c.name());
            if (!c.answered()) {
                clients.add(c.name() + "  did not answer" + (h == null ? "" : " (" + h.error() + ")"));
            } else if (c.sessions().isEmpty()) {
                clients.add(c.name() + "  no iSCSI session" + hostFacts(h));
            }
            c.sessions().forEach(s -> clients.add(c.name() + "  " + s.state() + " to " + s.target() + " via " + s.portal()
                    + (s.disks().isEmpty() ? "" : ", " + String.join(", ", s.disks().stream().map(x -> "LUN " + x.lun() + " " + x.device()
                    + latency(x.latency())).toList()))
                    + (s.replacementTimeoutSeconds() == null ? "" : ", replacement_timeout " + s.replacementTimeoutSeconds() + " s") + hostFacts(h)));
        }
        section(out, "Clients", clients);
        section(out, "Port rules", d.portRules().stream().map(r -> r.node() + "  " + r.rule()).toList());
        section(out, "SBD", d.sbd().stream().map(x -> x.device() + " on " + x.node() + "  " + (x.problem() != null ? x.problem()
                : String.join(", ", x.slots().stream().map(s -> s.node() + " " + s.message()).toList()))).toList());
        section(out, "Not read", d.problems());
        out.flush();
    }

    /** One line for a round in which nothing changed. */
    static String heartbeat(StatusDocument d) {
        long problems = d.findings().stream().filter(f -> f.severity() != Verdict.HEALTHY).count();
        return String.format(Locale.ROOT, "%s still %s%s (read in %.3f s)", TIME.format(Instant.parse(d.readAt())), d.verdict().word(),
                problems == 0 ? "" : ", " + problems + " finding" + (problems == 1 ? "" : "s"), d.readSeconds());
    }

    private static String label(Verdict v) {
        return v == Verdict.HEALTHY ? "NOTE" : v.word().toUpperCase(Locale.ROOT);
    }

    private static StatusDocument.Host host(StatusDocument d, String name) {
        return d.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElse(null);
    }

    private static String hostFacts(StatusDocument.Host h) {
        if (h == null) {
            return "";
        }
        if (!h.answered()) {
            return "  (did not answer: " + h.error() + ")";
        }
        return (h.uptimeSeconds() == null ? "" : "  up " + Amounts.duration(java.time.Duration.ofSeconds(h.uptimeSeconds())))
                + (h.clockOffsetSeconds() == null ? "" : String.format(Locale.ROOT, "  clock %+.3f s", h.clockOffsetSeconds()));
    }


    /** "  rtt to node2: client 0.21 ms, replication no reply (no reply within the wait)". */
    private static String peerRtt(StatusDocument.Host h) {
        if (h == null || h.peerRtt() == null || h.peerRtt().isEmpty()) {
            return "";
        }
        return "  rtt to " + h.peerRtt().getFirst().peer() + ": " + String.join(", ", h.peerRtt().stream().map(r -> r.network() + " "
                + (r.rttMillis() != null ? Amounts.millis(r.rttMillis()) : r.outcome() + (r.detail() == null ? "" : " (" + r.detail() + ")")))
                .toList());
    }

    /** " (last I/O 0.81 ms (523 I/Os in 2.0 s))", " (no I/O in 2.0 s)", " (latency measured from the second read on)". */
    private static String latency(StatusDocument.Latency l) {
        if (l == null) {
            return "";
        }
        return " (" + Amounts.latency(l.averageMillis() == null ? Double.NaN : l.averageMillis(), l.ios(), l.inFlight(),
                l.intervalSeconds() == null ? null : java.time.Duration.ofNanos(Math.round(l.intervalSeconds() * 1e9)), l.unmeasured()) + ")";
    }

    private static String drbd(StatusDocument.Drbd x) {
        if (x.role() == null) {
            return x.resource() + " on " + x.node() + "  " + x.connection();
        }
        String line = x.resource() + " on " + x.node() + "  " + x.connection() + "  " + x.role() + "/" + x.peerRole() + "  " + x.disk() + "/" + x.peerDisk();
        if (x.syncPercent() != null) {
            line += String.format(Locale.ROOT, "  %.1f %% synced", x.syncPercent())
                    + (x.syncBytesPerSecond() == null || x.syncBytesPerSecond() == 0 ? "" : " at " + Amounts.rate(x.syncBytesPerSecond() / 1024))
                    + (x.syncSecondsLeft() == null ? "" : ", " + Amounts.duration(java.time.Duration.ofSeconds(x.syncSecondsLeft())) + " left");
        }
        if (x.outOfSyncBytes() != null && x.outOfSyncBytes() > 0) {
            line += "  " + Amounts.kib(x.outOfSyncBytes() / 1024) + " out of sync";
        }
        return line;
    }

    private static void section(PrintWriter out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.println();
        out.println(title);
        lines.forEach(l -> out.println("  " + l));
    }
}
