package io.tandem.failover;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tandem.files.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's three files in a folder of their own: {@code report.json} (the verdict first, then
 * everything measured), {@code report.html} (readable, the chart inside), {@code latency.png}. Each
 * file is written whole or not at all.
 */
public final class ReportFiles {

    public static final String JSON = "report.json";
    public static final String HTML = "report.html";
    public static final String PNG = "latency.png";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private ReportFiles() {
    }

    /** The report's folder under {@code reports}: its start time (UTC) and scenario, e.g. {@code 20261202-131500-switchover}. */
    public static Path folder(Path reports, FailoverReport report) {
        return reports.resolve(FOLDER.format(Instant.ofEpochMilli((long) (report.startedAt() * 1000))) + "-" + report.scenario());
    }

    /** Writes the three files and returns the folder. */
    public static Path write(Path reports, FailoverReport report) throws IOException {
        Path dir = folder(reports, report);
        Files.createDirectories(dir);
        byte[] png = LatencyChart.png(report);
        AtomicFile.write(dir.resolve(PNG), png, AtomicFile.OWNER_ONLY);
        AtomicFile.write(dir.resolve(JSON), json(report), AtomicFile.OWNER_ONLY);
        AtomicFile.write(dir.resolve(HTML), ReportHtml.page(report, png), AtomicFile.OWNER_ONLY);
        return dir;
    }

    /** The verdict and the main figures first (what a script reads), then the whole report. */
    public static String json(FailoverReport report) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("passed", report.passed());
        doc.put("failures", report.failures());
        doc.put("summary", report.summaryLines());
        doc.put("longestPauseSeconds", report.longestPause().map(Pause::seconds).orElse(null));
        doc.put("goalSeconds", report.goalSeconds());
        doc.put("withinGoal", report.withinGoal());
        doc.put("ioErrors", report.errorCount());
        doc.put("acknowledgedWritesLost", report.lostWrites().orElse(null));
        doc.put("report", report);
        return MAPPER.writeValueAsString(doc) + "\n";
    }

    /** Every report folder under {@code reports}, oldest first (for the audit bundle). */
    public static List<Path> all(Path reports) throws IOException {
        if (!Files.isDirectory(reports)) {
            return List.of();
        }
        try (var dirs = Files.list(reports)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(JSON))).sorted().toList();
        }
    }
}
