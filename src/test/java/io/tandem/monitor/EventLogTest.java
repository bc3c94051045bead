package io.tandem.monitor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the event log records between rounds, how it survives a restart and a torn line, and its CSV export. */
class EventLogTest {

    private static final Instant T = Instant.parse("2026-12-02T08:00:00Z");

    private static Assessment of(Finding... findings) {
        return Assessment.of(List.of(findings));
    }

    private static Finding split(String reason) {
        return new Finding(Verdict.AT_RISK, "drbd.split-brain", "r0", reason, "fix");
    }

    @Test
    void aProblemIsLoggedWhenItAppearsAndWhenItClearsNotWhileItsWordsChange() {
        Assessment healthy = of();
        List<MonitorEvent> appeared = EventLog.changes(healthy, of(split("64 KiB apart")), Map.of(), Map.of(), T);
        assertThat(appeared).extracting(MonitorEvent::kind).containsExactly("verdict", "appeared");
        assertThat(appeared.get(0).text()).startsWith("The cluster is now at risk (was healthy)");
        assertThat(EventLog.changes(of(split("64 KiB apart")), of(split("128 KiB apart")), Map.of(), Map.of(), T)).isEmpty();
        List<MonitorEvent> cleared = EventLog.changes(of(split("128 KiB apart")), healthy, Map.of(), Map.of(), T);
        assertThat(cleared).extracting(MonitorEvent::kind).containsExactly("verdict", "cleared");
        assertThat(cleared.get(1).severity()).as("a cleared problem keeps its severity").isEqualTo(Verdict.AT_RISK);
        assertThat(cleared.get(1).text()).isEqualTo("Cleared: 128 KiB apart");
    }

    @Test
    void notesAreNotEventsButStaleAndBackHostsAre() {
        Finding note = new Finding(Verdict.HEALTHY, "bond.old-failures", "bond0 on node1", "old", "none");
        assertThat(EventLog.changes(of(), of(note), Map.of(), Map.of(), T)).isEmpty();
        List<MonitorEvent> stale = EventLog.changes(of(), of(), Map.of(), Map.of("node2", T.minusSeconds(10)), T);
        assertThat(stale).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("stale");
            assertThat(e.subject()).isEqualTo("node2");
            assertThat(e.text()).startsWith("node2's status is stale: no fresh answer since ");
        });
        assertThat(EventLog.changes(of(), of(), Map.of("node2", T), Map.of(), T)).extracting(MonitorEvent::text)
                .containsExactly("node2 answers again.");
    }

    @Test
    void eventsSurviveARestartAndATornLastLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state/events.jsonl");
        EventLog log = new EventLog(file);
        log.append(EventLog.changes(null, of(split("x")), Map.of(), Map.of(), T));
        assertThat(Files.getPosixFilePermissions(file)).extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        Files.writeString(file, "{\"at\":\"2026-12-02T08:0", StandardOpenOption.APPEND); // a crash in the middle of a line
        EventLog reopened = new EventLog(file);
        assertThat(reopened.events()).extracting(MonitorEvent::kind).containsExactly("verdict", "appeared");
        assertThat(reopened.events().get(0).at()).isEqualTo(T);
    }

    @Test
    void aLongLogIsTrimmedToItsNewestEventsWhenOpened(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.jsonl");
        EventLog log = new EventLog(file);
        List<MonitorEvent> many = new ArrayList<>();
        for (int i = 0; i < EventLog.KEEP + 10; i++) {
            many.add(new MonitorEvent(T.plusSeconds(i), "appeared", Verdict.DEGRADED, "c", "s" + i, "t"));
        }
        log.append(many);
        EventLog reopened = new EventLog(file);
        assertThat(reopened.events()).hasSize(EventLog.KEEP);
        assertThat(reopened.events().getFirst().subject()).isEqualTo("s10");
        assertThat(Files.readAllLines(file)).hasSize(EventLog.KEEP);
    }

    @Test
    void exportsCsvWithQuotedCellsAndNoFormulas(@TempDir Path dir) throws Exception {
        EventLog log = new EventLog(null);
        log.append(List.of(new MonitorEvent(T, "appeared", Verdict.DOWN, "target.down", "=cmd|' /C calc'!A0", "the target, \"iqn\", is down")));
        Path csv = dir.resolve("events.csv");
        log.exportCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("time_utc,time_local,kind,severity,code,subject,text");
        assertThat(lines.get(1)).startsWith("2026-12-02T08:00:00Z,").endsWith(
                ",appeared,down,target.down,\"'=cmd|' /C calc'!A0\",\"the target, \"\"iqn\"\", is down\"");
    }
}
