package io.tandem.monitor;

import io.tandem.files.AtomicFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The last hour of one cluster's measured series, in memory: each series by name ("latency
 * client1 sdb", "rtt replication node1", "resync r0": {@link SeriesNames}) in its own ring of
 * primitive arrays ({@link SampleRing}), and the events to mark on the time axis
 * ({@link ChartMarker}). The monitoring rounds feed it ({@link SeriesRecorder}); anyone may add a
 * marker ({@link #mark}: a failover test marks when it started and finished). Windows are copies,
 * so readers on other threads never see a ring move. Thread-safe.
 */
public final class TimeSeriesStore {

    public static final Duration KEPT = Duration.ofHours(1);
    /** Samples a second a series can take for a whole hour: the fastest polling (0.5 s) is 2, the charts' benchmark feeds 5. */
    public static final int MAX_RATE = 5;

    private final long keptMillis;
    private final int capacity;
    private final Map<String, SampleRing> series = new LinkedHashMap<>();
    private final Deque<ChartMarker> markers = new ArrayDeque<>();
    private long changes;

    public TimeSeriesStore() {
        this(KEPT, MAX_RATE);
    }

    /** {@code kept}: how far back samples are kept; {@code maxRate}: samples a second per series that still fill it. */
    public TimeSeriesStore(Duration kept, int maxRate) {
        this.keptMillis = kept.toMillis();
        this.capacity = (int) Math.max(1, kept.toSeconds() * maxRate);
    }

    /** Adds a sample ({@link SeriesWindow#LOST} for a lost one, NaN for none) and forgets what is older than the hour kept. */
    public synchronized void add(String name, Instant at, double value) {
        SampleRing ring = series.get(name);
        if (ring == null) {
            ring = new SampleRing(capacity);
            series.put(name, ring);
        }
        ring.add(at.toEpochMilli(), value);
        ring.dropBefore(ring.newestTime() - keptMillis);
        changes++;
    }

    /** Marks an event on the time axis ("failover started"); markers older than the hour kept are forgotten. */
    public synchronized void mark(Instant at, ChartMarker.Kind kind, String text) {
        markers.addLast(new ChartMarker(at, kind, text));
        Instant oldest = at.minusMillis(keptMillis);
        while (!markers.isEmpty() && markers.peekFirst().at().isBefore(oldest)) {
            markers.removeFirst();
        }
        changes++;
    }

    /** Counts every sample and marker added: a reader that saw the same count has nothing new to draw. */
    public synchronized long changes() {
        return changes;
    }

    /** The names of the series, in the order they first came. */
    public synchronized List<String> names() {
        return List.copyOf(series.keySet());
    }

    /** The time of the newest sample of any series, or null when there is none. */
    public synchronized Instant newest() {
        long newest = series.values().stream().mapToLong(SampleRing::newestTime).max().orElse(Long.MIN_VALUE);
        return newest == Long.MIN_VALUE ? null : Instant.ofEpochMilli(newest);
    }

    /** The oldest sample still kept, or null when there is none. */
    public synchronized Instant oldest() {
        long oldest = series.values().stream().filter(r -> r.size() > 0).mapToLong(r -> r.timeAt(0)).min().orElse(Long.MIN_VALUE);
        return oldest == Long.MIN_VALUE ? null : Instant.ofEpochMilli(oldest);
    }

    /** The samples of {@code name} from {@code from} to {@code to}, both included; empty for a series never seen. */
    public synchronized SeriesWindow window(String name, Instant from, Instant to) {
        SampleRing ring = series.get(name);
        return ring == null ? SeriesWindow.EMPTY : ring.window(from.toEpochMilli(), to.toEpochMilli());
    }

    public WindowStats stats(String name, Instant from, Instant to) {
        return WindowStats.of(window(name, from, to));
    }

    /** The markers from {@code from} to {@code to}, oldest first. */
    public synchronized List<ChartMarker> markers(Instant from, Instant to) {
        return markers.stream().filter(m -> !m.at().isBefore(from) && !m.at().isAfter(to)).toList();
    }

    /**
     * The window from {@code from} to {@code to} of the series named (all when empty) as CSV, one
     * sample a line in time order, then the markers: the time in ISO-8601 UTC and in this
     * workstation's zone, the series, the value in its unit (empty when there is none), the unit,
     * the state (measured, lost, not measured) and for a marker its text. Written whole or not at all.
     */
    public void exportCsv(Path target, Instant from, Instant to, List<String> names) throws IOException {
        AtomicFile.write(target, csv(from, to, names), AtomicFile.OWNER_ONLY);
    }

    String csv(Instant from, Instant to, List<String> names) {
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
        record Line(long time, String text) {
        }
        List<Line> lines = new ArrayList<>();
        for (String name : names.isEmpty() ? names() : names) {
            SeriesWindow w = window(name, from, to);
            String unit = SeriesNames.unit(name);
            for (int i = 0; i < w.size(); i++) {
                double v = w.values()[i];
                Instant at = Instant.ofEpochMilli(w.times()[i]);
                String value = Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "";
                String state = Double.isFinite(v) ? "measured" : SeriesWindow.lost(v) ? "lost" : "not measured";
                lines.add(new Line(at.toEpochMilli(), String.join(",", at.toString(), local.format(at), CsvCell.of(name), value, unit, state, "")));
            }
        }
        for (ChartMarker m : markers(from, to)) {
            lines.add(new Line(m.at().toEpochMilli(), String.join(",", m.at().toString(), local.format(m.at()), "event", "", "",
                    m.kind().name().toLowerCase(Locale.ROOT), CsvCell.of(m.text()))));
        }
        lines.sort(java.util.Comparator.comparingLong(Line::time));
        StringBuilder out = new StringBuilder("time_utc,time_local,series,value,unit,state,event\n");
        lines.forEach(l -> out.append(l.text()).append('\n'));
        return out.toString();
    }
}
