package io.tandem.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.files.AtomicFile;
import io.tandem.files.FileModes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The state changes of one project's cluster, kept in its state folder as JSON lines (one event a
 * line, appended as they happen, so a crash loses at most the line being written; a torn last
 * line is skipped on reading) and exportable as CSV. The file is trimmed to its newest
 * {@link #KEEP} events when it is opened. Events are what changed between two rounds
 * ({@link #changes}), never every round, so an hour of a steady cluster writes nothing.
 */
public final class EventLog {

    static final int KEEP = 5000;
    private static final ObjectMapper JSON = HistoryJson.MAPPER;

    private final Path file;
    private final Deque<MonitorEvent> recent = new ArrayDeque<>();

    /** {@code file}: where the events are kept, or null to keep them in memory only (the demo). */
    public EventLog(Path file) {
        this.file = file;
        if (file != null) {
            load();
        }
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return; // an unreadable log is not the cluster's problem: it starts afresh
        }
        for (String line : lines) {
            try {
                remember(JSON.readValue(line, MonitorEvent.class));
            } catch (IOException | RuntimeException torn) {
                // a line cut by a crash or edited by hand: skipped
            }
        }
        if (lines.size() > KEEP) {
            try {
                AtomicFile.write(file, recent.stream().map(EventLog::json).collect(Collectors.joining()), AtomicFile.OWNER_ONLY);
            } catch (IOException ignored) {
                // trimming is housekeeping; the next open tries again
            }
        }
    }

    private void remember(MonitorEvent event) {
        recent.addLast(event);
        while (recent.size() > KEEP) {
            recent.removeFirst();
        }
    }

    private static String json(MonitorEvent event) {
        try {
            return JSON.writeValueAsString(event) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps {@code events} and appends them to the file. A file that cannot be written costs the history, never the monitoring. */
    public synchronized void append(List<MonitorEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        events.forEach(this::remember);
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                // Owner-only from the start (where there are modes: FileModes), then exactly 0600 whatever the umask.
                Files.createFile(file, FileModes.atCreation(file, AtomicFile.OWNER_ONLY));
                FileModes.set(file, AtomicFile.OWNER_ONLY);
            }
            Files.writeString(file, events.stream().map(EventLog::json).collect(Collectors.joining()), StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // kept in memory; the export still has them
        }
    }

    /** The events kept, oldest first. */
    public synchronized List<MonitorEvent> events() {
        return List.copyOf(recent);
    }

    /** The events as CSV (time in ISO-8601 UTC and in this workstation's zone, kind, severity, code, subject, text), written whole or not at all. */
    public void exportCsv(Path target) throws IOException {
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
        StringBuilder out = new StringBuilder("time_utc,time_local,kind,severity,code,subject,text\n");
        for (MonitorEvent e : events()) {
            out.append(String.join(",", e.at().toString(), local.format(e.at()), e.kind(), e.severity().word(), csv(e.code()), csv(e.subject()),
                    csv(e.text()))).append('\n');
        }
        AtomicFile.write(target, out.toString(), AtomicFile.OWNER_ONLY);
    }

    private static String csv(String value) {
        return CsvCell.of(value);
    }

    /**
     * What changed from one round to the next: the verdict, each problem that appeared or cleared
     * (a problem is its code and subject: a resync's percent moving is not a change) and each host
     * whose data went stale or came back. {@code before} null: the first round, which reports the
     * verdict and every problem it starts with.
     */
    public static List<MonitorEvent> changes(Assessment before, Assessment now, Map<String, Instant> staleBefore,
                                             Map<String, Instant> staleNow, Instant at) {
        List<MonitorEvent> out = new ArrayList<>();
        if (before == null) {
            out.add(new MonitorEvent(at, "verdict", now.verdict(), "verdict", "cluster", "Monitoring started: " + now.verdict().word()
                    + " (" + now.verdict().meaning() + ")."));
        } else if (before.verdict() != now.verdict()) {
            out.add(new MonitorEvent(at, "verdict", now.verdict(), "verdict", "cluster", "The cluster is now " + now.verdict().word()
                    + " (was " + before.verdict().word() + "): " + now.verdict().meaning() + "."));
        }
        Map<String, Finding> was = byKey(before == null ? List.of() : before.problems());
        Map<String, Finding> is = byKey(now.problems());
        is.forEach((key, f) -> {
            if (!was.containsKey(key)) {
                out.add(new MonitorEvent(at, "appeared", f.severity(), f.code(), f.subject(), f.reason()));
            }
        });
        was.forEach((key, f) -> {
            if (!is.containsKey(key)) {
                out.add(new MonitorEvent(at, "cleared", f.severity(), f.code(), f.subject(), "Cleared: " + f.reason()));
            }
        });
        Set<String> stale = staleNow.keySet();
        for (String host : stale) {
            if (!staleBefore.containsKey(host)) {
                out.add(new MonitorEvent(at, "stale", Verdict.DEGRADED, "host.stale", host, host + "'s status is stale: no fresh answer since "
                        + DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault()).format(staleNow.get(host)) + "."));
            }
        }
        for (String host : staleBefore.keySet()) {
            if (!stale.contains(host)) {
                out.add(new MonitorEvent(at, "back", Verdict.HEALTHY, "host.back", host, host + " answers again."));
            }
        }
        return out;
    }

    private static Map<String, Finding> byKey(List<Finding> findings) {
        Map<String, Finding> out = new LinkedHashMap<>();
        findings.forEach(f -> out.putIfAbsent(f.code() + "|" + f.subject(), f));
        return out;
    }
}
