package io.tandem;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.tandem.apply.Journal;
import io.tandem.apply.JournalEntry;
import io.tandem.export.AuditExporter;
import io.tandem.model.Project;
import io.tandem.model.ProjectFile;
import io.tandem.model.ProjectValidator;
import io.tandem.monitor.EventLog;
import io.tandem.monitor.MonitorEvent;
import io.tandem.monitor.Verdict;
import io.tandem.render.FileSet;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import io.tandem.testing.Examples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the workstation writes (a saved project, the apply journal, the event log and its CSV,
 * the audit bundle) on a file system without POSIX modes, as on Windows: Jimfs configured as
 * Windows. Each is written whole and without an exception; on a Unix Jimfs with the POSIX views
 * the same files keep their modes.
 */
class WithoutPosixModesTest {

    private static final Instant T = Instant.parse("2026-12-02T08:00:00Z");

    private final FileSystem windows = Jimfs.newFileSystem(Configuration.windows());
    private final FileSystem unix = Jimfs.newFileSystem(
            Configuration.unix().toBuilder().setAttributeViews("basic", "owner", "posix", "unix").build());

    @AfterEach
    void close() throws IOException {
        windows.close();
        unix.close();
    }

    @Test
    void aProjectIsSavedAndReadBack() throws Exception {
        Project project = Examples.modern();
        Path file = windows.getPath("C:\\Users\\ann\\Documents\\lab.tandem.json");
        ProjectFile.write(project, file);
        assertThat(ProjectFile.read(file)).isEqualTo(project);
    }

    @Test
    void theApplyJournalIsWrittenAndRead() {
        Journal journal = new Journal(windows.getPath("C:\\Users\\ann\\AppData\\tandem\\lab-1\\journal.jsonl"));
        journal.append(JournalEntry.of("r1", "run-start", "", "", "1 step(s)"));
        journal.append(JournalEntry.of("r1", "step-start", "node1", "cib", "Load Tandem's resources"));
        assertThat(journal.read()).hasSize(2);
        assertThat(journal.lastInterrupted().orElseThrow().describe()).contains("\"Load Tandem's resources\" on node1");
    }

    @Test
    void theEventLogIsKeptAcrossARestartAndExported() throws IOException {
        Path file = windows.getPath("C:\\Users\\ann\\AppData\\tandem\\lab-1\\events.jsonl");
        new EventLog(file).append(List.of(event("r0 is split")));
        EventLog reopened = new EventLog(file);
        assertThat(reopened.events()).extracting(MonitorEvent::text).containsExactly("r0 is split");
        Path csv = windows.getPath("C:\\Users\\ann\\events.csv");
        reopened.exportCsv(csv);
        assertThat(Files.readAllLines(csv)).hasSize(2).last().asString().contains("r0 is split");
    }

    @Test
    void theAuditBundleIsWrittenIntoANewAndAnEmptyFolder() throws Exception {
        Project project = Examples.modern();
        FileSet files = Renderers.render(project);
        for (Path out : List.of(windows.getPath("C:\\Users\\ann\\audit"), Files.createDirectories(windows.getPath("C:\\empty")))) {
            var result = new AuditExporter().export(project, files, ProjectValidator.validate(project), out, SecretPolicy.REDACT, false);
            assertThat(result.fileCount()).isEqualTo(files.files().size() + 1);
            assertThat(Files.readString(out.resolve("node1/etc/hosts")))
                    .isEqualTo(files.text(files.find("node1", "/etc/hosts").orElseThrow(), SecretPolicy.REDACT));
            assertThat(Files.readString(out.resolve(AuditExporter.SUMMARY))).contains("node1");
            assertThat(Files.readString(out.resolve(AuditExporter.MANIFEST))).contains("node1/etc/hosts");
        }
    }

    @Test
    void whereModesAreKeptTheJournalTheEventLogAndTheBundleKeepTheirs() throws Exception {
        Journal journal = new Journal(unix.getPath("/home/ann/.local/state/tandem/lab-1/journal.jsonl"));
        journal.append(JournalEntry.of("r1", "run-start", "", "", "1 step(s)"));
        assertThat(mode(journal.file())).isEqualTo("rw-------");
        assertThat(mode(journal.file().getParent())).isEqualTo("rwx------");

        Path events = unix.getPath("/home/ann/.local/state/tandem/lab-1/events.jsonl");
        new EventLog(events).append(List.of(event("r0 is split")));
        assertThat(mode(events)).isEqualTo("rw-------");

        Project project = Examples.modern();
        Path out = unix.getPath("/home/ann/audit");
        new AuditExporter().export(project, Renderers.render(project), ProjectValidator.validate(project), out, SecretPolicy.REDACT, false);
        assertThat(mode(out.resolve("client/etc/iscsi/iscsid.conf"))).isEqualTo("rw-------");
        assertThat(mode(out.resolve("node1/etc/hosts"))).isEqualTo("rw-r--r--");
        assertThat(mode(out)).isEqualTo("rwxr-xr-x");
    }

    private static MonitorEvent event(String text) {
        return new MonitorEvent(T, "appeared", Verdict.AT_RISK, "drbd.split-brain", "r0", text);
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
