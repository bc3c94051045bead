package io.tandem.failover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailoverReportTest {

    private static final double CRASH = Fixtures.nov25("13:11:23.1");

    /** The hand-built lab's crash as Tandem would report it, with a read-back as given. */
    private static FailoverReport crash(ProbeLog.ReadBack readBack, Double healthyAfter, String after) {
        ProbeLog probe = Fixtures.probe("client.crash.probe_log.txt");
        Timeline t = Timeline.of("node1->node2", "node1 crashed <sysrq>", CRASH, CRASH + 200, "node1", "node2",
                Fixtures.journal("node2.crash.op_timeline.txt", "node2"), probe, new Timeline.Layout("p_target", "p_unblock"));
        ProbeLog withReadBack = new ProbeLog(probe.ios(), Optional.ofNullable(readBack));
        return new FailoverReport("lab & co", "crash-active", "active node crash", CRASH - 16, CRASH + 200, "node1", after, "client", 300,
                List.of(t), probe.ios(), readBack, healthyAfter, FailoverReport.goal(Scenario.CRASH_ACTIVE), List.of("a note"),
                FailoverReport.failures(Scenario.CRASH_ACTIVE, "node1", after, withReadBack, healthyAfter, 900, List.of()));
    }

    @Test
    void aCrashWithoutErrorsOrLossPassesAndIsTooSlowForTheGoal() {
        FailoverReport r = crash(new ProbeLog.ReadBack(396, 0, 0, 0), 120.0, "node2");
        assertTrue(r.passed(), r.failures().toString());
        assertFalse(r.withinGoal(), "94 s is over the 30 s goal");
        assertEquals(List.of("crash-active node1->node2  pause 94.5 s (goal 30 s)  errors 0  lost 0  PASS"), r.summaryLines());
    }

    @Test
    void everyWayOfFailingIsSaidInWords() {
        assertTrue(crash(null, 120.0, "node2").failures().getFirst().contains("read-back"));
        assertTrue(crash(new ProbeLog.ReadBack(396, 2, 1, 0), 120.0, "node2").failures().getFirst().contains("3 of 396 acknowledged writes"));
        assertTrue(crash(new ProbeLog.ReadBack(396, 0, 0, 0), 120.0, "node1").failures().getFirst().contains("did not move"));
        assertTrue(crash(new ProbeLog.ReadBack(396, 0, 0, 0), null, "node2").failures().getFirst().contains("not healthy again 900 s"));
        ProbeLog errors = Fixtures.probe("client.switchover.probe_log.txt");
        List<String> f = FailoverReport.failures(Scenario.SWITCHOVER, "node2", "node2",
                new ProbeLog(errors.ios(), Optional.of(new ProbeLog.ReadBack(10, 0, 0, 0))), 30.0, 900, List.of());
        assertEquals(1, f.size());
        assertTrue(f.getFirst().startsWith("779 I/O error(s)"), f.getFirst());
        assertTrue(FailoverReport.failures(Scenario.BOND_SLAVE, "node1", "node2",
                new ProbeLog(List.of(), Optional.of(new ProbeLog.ReadBack(0, 0, 0, 0))), 30.0, 900, List.of()).getFirst().contains("should not"));
    }

    @Test
    void theReportsFilesAreWholeReadableAndSayTheSame(@TempDir Path dir) throws Exception {
        FailoverReport r = crash(null, 120.0, "node2");
        Path folder = ReportFiles.write(dir, r);
        if (System.getenv("TANDEM_KEEP_REPORT") != null) {
            Files.copy(folder.resolve(ReportFiles.PNG), Path.of(System.getenv("TANDEM_KEEP_REPORT")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertEquals("20261125-131107-crash-active", folder.getFileName().toString());
        JsonNode json = new ObjectMapper().readTree(folder.resolve(ReportFiles.JSON).toFile());
        assertFalse(json.get("passed").asBoolean());
        assertEquals(94.47, json.get("longestPauseSeconds").asDouble(), 0.05);
        assertEquals(0, json.get("ioErrors").asInt());
        assertEquals("node1->node2", json.at("/report/legs/0/leg").asText());
        assertEquals(r.ios().size(), json.at("/report/ios").size());
        assertEquals(ReportFiles.all(dir), List.of(folder));

        String html = Files.readString(folder.resolve(ReportFiles.HTML));
        assertTrue(html.contains("lab &amp; co") && html.contains("node1 crashed &lt;sysrq&gt;"), "text is escaped");
        assertFalse(html.contains("<sysrq>"));
        assertTrue(html.contains("FAILED") && html.contains("read-back"));
        assertTrue(html.contains("<td>p_target</td>"), "the operations table");

        BufferedImage png = ImageIO.read(folder.resolve(ReportFiles.PNG).toFile());
        assertEquals(LatencyChart.WIDTH, png.getWidth());
        String embedded = html.substring(html.indexOf("base64,") + 7, html.indexOf('"', html.indexOf("base64,")));
        BufferedImage inPage = ImageIO.read(new ByteArrayInputStream(java.util.Base64.getDecoder().decode(embedded)));
        assertEquals(png.getHeight(), inPage.getHeight());
        // The 94 s pause is shaded: a pixel in its middle, between the axes, is tinted red.
        Pause pause = r.longestPause().orElseThrow();
        double t0 = r.ios().stream().mapToDouble(ProbeLog.Io::start).min().orElseThrow();
        double t1 = r.ios().stream().mapToDouble(ProbeLog.Io::end).max().orElseThrow();
        int x = (int) (70 + ((pause.from() + pause.to()) / 2 - t0) / (t1 - t0) * (LatencyChart.WIDTH - 90));
        int rgb = png.getRGB(x, LatencyChart.HEIGHT - 80);
        assertTrue(((rgb >> 16) & 0xff) > ((rgb >> 8) & 0xff) + 10, Integer.toHexString(rgb));
    }

    @Test
    void reportsGoIntoTheAuditBundleWithALineInItsSummary(@TempDir Path dir) throws Exception {
        Path reports = dir.resolve("failover-tests");
        Path folder = ReportFiles.write(reports, crash(new ProbeLog.ReadBack(396, 0, 0, 0), 120.0, "node2"));
        Path broken = Files.createDirectories(reports.resolve("20261125-140000-switchover"));
        Files.writeString(broken.resolve(ReportFiles.JSON), "{ torn");
        var attachments = ReportFiles.attachments(reports);
        assertEquals(3, attachments.files().size(), "the broken report is left out");
        assertEquals(2, attachments.summary().size());
        assertTrue(attachments.summary().get(1).contains("left out"), attachments.summary().toString());

        io.tandem.model.Project project = io.tandem.testing.Examples.read(io.tandem.testing.Examples.VM_LAB_SBD);
        Path out = dir.resolve("bundle");
        new io.tandem.export.AuditExporter().export(project, io.tandem.render.Renderers.render(project), List.of(), out,
                io.tandem.render.SecretPolicy.REDACT, false, attachments);
        String name = folder.getFileName().toString();
        assertEquals(Files.readString(folder.resolve(ReportFiles.HTML)), Files.readString(out.resolve("failover-tests/" + name + "/report.html")));
        assertTrue(Files.readString(out.resolve("MANIFEST.sha256")).contains("failover-tests/" + name + "/latency.png"));
        String summary = Files.readString(out.resolve("SUMMARY.md"));
        assertTrue(summary.contains("## Failover tests\n\n- " + name + ": passed (crash-active node1->node2  pause 94.5 s"), summary);
    }
}
