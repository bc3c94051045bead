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

    /**
     * Every report under {@code reports} for the audit bundle: its three files under
     * {@code failover-tests/<folder>/}, and one summary line per report (its verdict and lines).
     */
    public static io.tandem.export.AuditExporter.Attachments attachments(Path reports) throws IOException {
        List<io.tandem.export.AuditExporter.Attachment> files = new java.util.ArrayList<>();
        List<String> summary = new java.util.ArrayList<>();
        for (Path dir : all(reports)) {
            String name = dir.getFileName().toString();
            com.fasterxml.jackson.databind.JsonNode json;
            try {
                json = MAPPER.readTree(dir.resolve(JSON).toFile());
            } catch (IOException e) {
                summary.add(name + ": left out, its " + JSON + " cannot be read (" + e.getMessage().lines().findFirst().orElse("") + ")");
                continue;
            }
            for (String file : List.of(JSON, HTML, PNG)) {
                if (Files.isRegularFile(dir.resolve(file))) {
                    files.add(new io.tandem.export.AuditExporter.Attachment("failover-tests/" + name + "/" + file, Files.readAllBytes(dir.resolve(file))));
                }
            }
            List<String> lines = new java.util.ArrayList<>();
            json.path("summary").forEach(l -> lines.add(l.asText()));
            summary.add(name + ": " + (json.path("passed").asBoolean() ? "passed" : "FAILED") + (lines.isEmpty() ? "" : " (" + String.join("; ", lines) + ")"));
        }
        return new io.tandem.export.AuditExporter.Attachments("Failover tests", summary, files);
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
