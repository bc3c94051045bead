package io.tandem.failover;

import io.tandem.text.XmlWriter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML page (the chart inside as a data URI), for a reviewer who
 * opens it from the audit bundle: the verdict first, then per fault its phases and where the time
 * went, the cluster's operations, and the initiator's errors and read-back.
 */
final class ReportHtml {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);

    private ReportHtml() {
    }

    static String page(FailoverReport r, byte[] png) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc("Failover test " + r.scenario() + " on " + r.cluster())).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:1250px}table{border-collapse:collapse;margin:.5em 0 1.5em}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;font-size:90%}th{background:#f3f3f3}")
                .append(".pass{color:#1a7f37}.fail{color:#d62728}.num{text-align:right}code{font-size:85%}</style></head><body>\n");
        h.append("<h1>Failover test: ").append(esc(r.scenarioTitle())).append(" on ").append(esc(r.cluster())).append("</h1>\n");
        h.append("<p class=\"").append(r.passed() ? "pass" : "fail").append("\"><strong>").append(r.passed() ? "PASSED" : "FAILED")
                .append("</strong></p>\n<ul>");
        for (String f : r.failures()) {
            h.append("<li class=\"fail\">").append(esc(f)).append("</li>");
        }
        for (String line : r.summaryLines()) {
            h.append("<li><code>").append(esc(line)).append("</code></li>");
        }
        h.append("</ul>\n<table>");
        row(h, "Started", time(r.startedAt()));
        row(h, "Serving before / after", r.servingBefore() + " / " + r.servingAfter());
        row(h, "Initiator", r.initiator() + (r.replacementTimeout() == null ? "" : " (replacement_timeout " + r.replacementTimeout() + " s)"));
        row(h, "Longest pause", r.longestPause().map(p -> secs(p.seconds()) + " (goal " + secs(r.goalSeconds()) + ")").orElse("none measured"));
        row(h, "I/O", r.ios().stream().filter(i -> i.op() == 'w').count() + " writes, " + r.ios().stream().filter(i -> i.op() == 'r').count()
                + " reads, " + r.errorCount() + " errors");
        row(h, "Read-back", r.readBack() == null ? "did not finish" : r.readBack().acknowledged() + " acknowledged writes read back: "
                + r.readBack().lost() + " lost, " + r.readBack().corrupt() + " corrupt, " + r.readBack().unreadable() + " unreadable");
        row(h, "Healthy again", r.healthyAgainAfter() == null ? "not within the wait" : secs(r.healthyAgainAfter()) + " after the faults");
        h.append("</table>\n");
        for (String note : r.notes()) {
            h.append("<p>Note: ").append(esc(note)).append("</p>\n");
        }
        h.append("<img alt=\"latency chart\" width=\"").append(LatencyChart.WIDTH).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
        for (Timeline leg : r.legs()) {
            h.append("<h2>").append(esc(r.scenario() + " " + leg.leg())).append("</h2>\n<table><tr><th>after the fault</th><th>phase</th>")
                    .append("<th>where</th><th>evidence</th></tr>");
            for (Timeline.Phase p : leg.phases()) {
                h.append("<tr><td class=\"num\">").append(esc(secs(p.at() - leg.faultAt()))).append("</td><td>").append(esc(p.name()))
                        .append("</td><td>").append(esc(p.host())).append("</td><td><code>").append(esc(p.evidence())).append("</code></td></tr>");
            }
            h.append("</table>\n<h3>Where the time went</h3>\n<table>");
            for (Map.Entry<String, Double> e : leg.timeSpent().entrySet()) {
                row(h, e.getKey(), secs(e.getValue()));
            }
            h.append("</table>\n<h3>Cluster operations</h3>\n<table><tr><th>started</th><th>operation</th><th>resource</th><th>node</th>")
                    .append("<th>took</th><th>result</th></tr>");
            for (Timeline.Operation o : leg.operations()) {
                h.append("<tr><td class=\"num\">").append(esc(secs(o.start() - leg.faultAt()))).append("</td><td>").append(esc(o.operation()))
                        .append("</td><td>").append(esc(o.resource())).append("</td><td>").append(esc(o.node())).append("</td><td class=\"num\">")
                        .append(esc(secs(o.seconds()))).append("</td><td>").append(esc(o.result())).append("</td></tr>");
            }
            h.append("</table>\n");
        }
        List<ProbeLog.Io> errors = r.ios().stream().filter(i -> !i.ok()).limit(FailoverReport.ERRORS_LISTED).toList();
        if (!errors.isEmpty()) {
            h.append("<h2 class=\"fail\">I/O errors at the initiator (").append(r.errorCount()).append(")</h2>\n<table><tr><th>started</th>")
                    .append("<th>I/O</th><th>error</th><th>after ms</th></tr>");
            for (ProbeLog.Io e : errors) {
                h.append("<tr><td>").append(esc(time(e.start()))).append("</td><td>").append(e.op() == 'w' ? "write" : "read").append(" #")
                        .append(e.sequence()).append("</td><td>").append(esc(e.error())).append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.1f", e.latencyMs())).append("</td></tr>");
            }
            h.append("</table>\n");
        }
        h.append("<p>Times are the workstation's; each host's were moved by the clock offset Tandem measured before the test.</p>\n");
        return h.append("</body></html>\n").toString();
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    private static String time(double epoch) {
        return TIME.format(Instant.ofEpochMilli((long) (epoch * 1000)));
    }

    private static String secs(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    /** Text for the page: the XML escape is also HTML's (the page is served as HTML5, which knows &apos;). */
    static String esc(String s) {
        return XmlWriter.escape(s);
    }
}
