package io.tandem.apply;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalTest {

    @Test
    void aRunWithoutItsEndIsReportedWithTheStepItWasInEvenAfterATornLastLine(@TempDir Path dir) throws Exception {
        Journal journal = new Journal(dir.resolve("state/journal.jsonl"));
        journal.append(JournalEntry.of("r1", "run-start", "", "", "3 step(s)"));
        journal.append(JournalEntry.of("r1", "step-start", "node1", "packages:node1", "Install drbd-utils"));
        journal.append(JournalEntry.of("r1", "run-end", "", "", "done"));
        assertTrue(journal.lastInterrupted().isEmpty(), "a finished run is not resumed");

        journal.append(JournalEntry.of("r2", "run-start", "", "", "2 step(s)"));
        journal.append(JournalEntry.of("r2", "step-start", "node2", "cib", "Load Tandem's resources"));
        Files.writeString(journal.file(), "{\"time\":\"2026-12-01T10:00:00Z\",\"run\":\"r2\",\"ev", StandardOpenOption.APPEND);
        var interrupted = journal.lastInterrupted().orElseThrow();
        assertEquals("r2", interrupted.start().run());
        assertTrue(interrupted.describe().contains("stopped during \"Load Tandem's resources\" on node2"), interrupted.describe());
        assertEquals(5, journal.read().size(), "the torn line is skipped, the rest read");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journal.file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journal.file().getParent())));
    }
}
