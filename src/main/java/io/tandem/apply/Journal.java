package io.tandem.apply;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tandem.files.AtomicFile;
import io.tandem.files.FileModes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The project's apply journal: one JSON object per line, appended and synced as each thing
 * happens, so a run cut off anywhere (Ctrl-C, the workstation lost, the connection dropped) leaves
 * an accurate record up to its last step. Mode 0600 in a 0700 folder (where there are modes:
 * {@link FileModes}): outputs are masked, but they describe the hosts.
 */
public final class Journal {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private final Path file;

    public Journal(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized void append(JournalEntry entry) {
        try {
            Files.createDirectories(file.getParent(), FileModes.atCreation(file, OWNER_ONLY_FOLDER));
            if (!Files.exists(file)) {
                Files.createFile(file, FileModes.atCreation(file, AtomicFile.OWNER_ONLY));
            }
            byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(line));
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the apply journal " + file + ": " + e.getMessage(), e);
        }
    }

    public List<JournalEntry> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<JournalEntry> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(JSON.readValue(line, JournalEntry.class));
                } catch (IOException torn) {
                    // The last line of a run killed while writing may be cut: what came before still counts.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the apply journal " + file + ": " + e.getMessage(), e);
        }
        return entries;
    }

    /** How the last run ended: "done", "failed", "cancelled", "interrupted" (no end written), or "none" before any run. */
    public String lastRunState() {
        String state = "none";
        for (JournalEntry e : read()) {
            if (e.event().equals("run-start")) {
                state = "interrupted";
            } else if (e.event().equals("run-end")) {
                state = e.output();
            }
        }
        return state;
    }

    /** The last run when it has no end: it was interrupted; with the last step it started. */
    public Optional<Interrupted> lastInterrupted() {
        List<JournalEntry> entries = read();
        String run = null;
        JournalEntry lastStep = null;
        JournalEntry start = null;
        for (JournalEntry e : entries) {
            if (e.event().equals("run-start")) {
                run = e.run();
                start = e;
                lastStep = null;
            } else if (e.event().equals("run-end") && e.run().equals(run)) {
                run = null;
            } else if (e.event().equals("step-start") && e.run().equals(run)) {
                lastStep = e;
            }
        }
        return run == null ? Optional.empty() : Optional.of(new Interrupted(start, Optional.ofNullable(lastStep)));
    }

    public record Interrupted(JournalEntry start, Optional<JournalEntry> lastStep) {
        public String describe() {
            return "The apply started " + start.time() + " did not finish" + lastStep.map(s -> ": it stopped during \"" + s.output()
                    + "\" on " + s.host()).orElse(" (before its first step)") + ".";
        }
    }
}
