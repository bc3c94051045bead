package io.tandem.gui.home;

import io.tandem.gui.Background;
import io.tandem.model.Project;
import io.tandem.monitor.Assessment;
import io.tandem.monitor.ClusterMonitor;
import io.tandem.monitor.ClusterSnapshot;
import io.tandem.monitor.EventLog;
import io.tandem.monitor.Finding;
import io.tandem.monitor.MonitorEvent;
import io.tandem.monitor.SideHistory;
import io.tandem.monitor.StatusSource;
import io.tandem.monitor.TimeSeriesStore;
import io.tandem.monitor.Verdict;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One cluster's monitoring view: a {@link ClusterMonitor} polls its hosts in the background (every
 * two seconds unless changed) and each round becomes the verdict, its reasons with their fixes,
 * the facts behind them, the hosts whose data is stale, and the event log. Everything the view
 * binds to changes on the UI thread ({@link Background#later}); the polling never runs there, so
 * a host that hangs makes its rows stale and never freezes the window.
 */
public final class HomeViewModel {

    /** Where a project's monitoring history is kept: its event log and side history (null: memory only, the demo). */
    public record Store(Path events, Path sides) {
        public static final Store MEMORY = new Store(null, null);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    /** Events shown in the view, newest first; the log keeps more and the export has them all. */
    static final int EVENTS_SHOWN = 200;

    private final Project project;
    private final StatusSource source;
    private final Background background;
    private final boolean demo;
    private final EventLog eventLog;
    private final SideHistory sides;
    /** The cluster's measured series: kept for as long as the view lives, across a stop and a restart of its monitor. */
    private final TimeSeriesStore series = new TimeSeriesStore();
    private final LatencyChartsViewModel latency;
    private final ObjectProperty<ClusterSnapshot> snapshot = new SimpleObjectProperty<>();
    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>();
    private final ObjectProperty<Map<String, Instant>> stale = new SimpleObjectProperty<>(Map.of());
    private final StringProperty headline = new SimpleStringProperty("Reading the cluster's status…");
    private final StringProperty roundInfo = new SimpleStringProperty("");
    private final BooleanProperty reading = new SimpleBooleanProperty(false);
    private final ObjectProperty<Duration> interval = new SimpleObjectProperty<>(ClusterMonitor.DEFAULT_INTERVAL);
    private final ObservableList<Finding> problems = FXCollections.observableArrayList();
    private final ObservableList<Finding> notes = FXCollections.observableArrayList();
    private final ObservableList<MonitorEvent> events = FXCollections.observableArrayList();
    private ClusterMonitor monitor;

    public HomeViewModel(Project project, StatusSource source, Background background, boolean demo) {
        this(project, source, background, demo, Store.MEMORY);
    }

    public HomeViewModel(Project project, StatusSource source, Background background, boolean demo, Store store) {
        this.project = project;
        this.source = source;
        this.background = background;
        this.demo = demo;
        this.eventLog = new EventLog(store.events());
        this.sides = new SideHistory(store.sides());
        this.latency = new LatencyChartsViewModel(series, background, Instant::now);
        List<MonitorEvent> kept = new ArrayList<>(eventLog.events());
        kept.sort(java.util.Comparator.comparing(MonitorEvent::at).reversed()); // stable: a round's events keep their order
        events.setAll(kept.subList(0, Math.min(EVENTS_SHOWN, kept.size())));
    }

    /** Starts polling, or asks for a round now when it runs. */
    public synchronized void refresh() {
        if (monitor == null) {
            reading.set(true);
            ClusterMonitor started = new ClusterMonitor(project, source, interval.get(), eventLog, sides, series,
                    round -> background.later(() -> show(round)));
            monitor = started;
            // Started through the injected Background like all work that reaches hosts: a test that holds its work contacts nothing.
            background.run(() -> {
                started.start();
                return started;
            }, ok -> { }, failure -> headline.set("Could not start monitoring: " + failure.getMessage()));
        } else {
            monitor.refreshNow();
        }
    }

    /** Stops polling and closes the hosts' connections (the view was closed, or the cluster removed from the list). */
    public synchronized void stop() {
        if (monitor != null) {
            monitor.close();
            monitor = null;
        }
    }

    public synchronized boolean isPolling() {
        return monitor != null;
    }

    /** The polling interval, from the next round on. */
    public synchronized void setInterval(Duration every) {
        interval.set(every);
        if (monitor != null) {
            monitor.setInterval(every);
        }
    }

    private void show(ClusterMonitor.Round round) {
        reading.set(false);
        ClusterSnapshot s = round.snapshot();
        Assessment a = round.assessment();
        stale.set(round.staleSince());
        snapshot.set(s);
        Instant seenNow = Instant.now();
        firstSeen.keySet().retainAll(a.problems().stream().map(HomeViewModel::key).toList());
        a.problems().forEach(f -> firstSeen.putIfAbsent(key(f), seenNow));
        // Worst first; within a level the newest news first, so a standing risk does not hide what just broke.
        problems.setAll(a.problems().stream().sorted(java.util.Comparator.comparing(Finding::severity).reversed()
                .thenComparing(f -> firstSeen.get(key(f)), java.util.Comparator.reverseOrder())).toList());
        notes.setAll(a.findings().stream().filter(f -> f.severity() == Verdict.HEALTHY).toList());
        events.addAll(0, round.events()); // newest round on top, its events in their order (the verdict, then its reasons)
        if (events.size() > EVENTS_SHOWN) {
            events.remove(EVENTS_SHOWN, events.size());
        }
        headline.set(describe(a, round.staleSince()));
        roundInfo.set("Read at " + TIME.format(s.readAt()) + " in " + String.format(java.util.Locale.ROOT, "%.2f", s.readTime().toMillis() / 1000.0)
                + " s, every " + seconds(interval.get()) + (demo ? " (simulated servers)" : ""));
        verdict.set(a.verdict()); // last: whoever waits for the verdict finds the rest in place
    }

    private final Map<String, Instant> firstSeen = new java.util.HashMap<>();

    private static String key(Finding f) {
        return f.code() + "|" + f.subject();
    }

    private String describe(Assessment a, Map<String, Instant> staleSince) {
        String name = "Cluster " + project.clusterName() + " is " + a.verdict().word();
        String stalePart = staleSince.isEmpty() ? "" : " Stale: " + staleSince.entrySet().stream()
                .map(e -> e.getKey() + " since " + TIME.format(e.getValue())).collect(Collectors.joining(", ")) + ".";
        if (a.verdict() == Verdict.HEALTHY) {
            return name + ": " + a.verdict().meaning() + "." + stalePart;
        }
        long more = problems.size() - 1;
        String first = problems.getFirst().reason();
        return name + ": " + (more > 0 ? first.replaceAll("\\.$", "") + " — and " + more + " more below." : first) + stalePart;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /**
     * Records something the operator did to the cluster (a failover test's fault, the storage back)
     * in the event log, at {@code at}, and as a marker on the latency charts: it is kept and exported
     * with the monitor's own events. On the FX thread.
     */
    public void record(Instant at, String code, String text) {
        MonitorEvent event = new MonitorEvent(at, "action", Verdict.HEALTHY, code, project.clusterName(), text);
        eventLog.append(List.of(event));
        series().mark(at, io.tandem.monitor.ChartMarker.Kind.TEST, text); // a marker on the latency charts' time axis
        events.addFirst(event);
        if (events.size() > EVENTS_SHOWN) {
            events.remove(EVENTS_SHOWN, events.size());
        }
    }

    /** Writes the whole event log as CSV. */
    public void exportEvents(Path target) throws IOException {
        eventLog.exportCsv(target);
    }

    /** Runs commands on the cluster's hosts over the monitoring's connections, when the source can (the split-brain recovery). */
    public java.util.Optional<io.tandem.monitor.HostCommands> hostCommands() {
        return source instanceof io.tandem.monitor.HostCommands commands ? java.util.Optional.of(commands) : java.util.Optional.empty();
    }

    /** The monitoring's own reads, for what reads the cluster beside it (a failover test's checks). */
    public StatusSource statusSource() {
        return source;
    }

    public Background background() {
        return background;
    }

    public SideHistory sides() {
        return sides;
    }

    /** The last hour of latency, round trips and resync rate, with the events marked; a failover test marks its steps here. */
    public TimeSeriesStore series() {
        return series;
    }

    /** The latency charts of this cluster. */
    public LatencyChartsViewModel latency() {
        return latency;
    }

    public Project project() {
        return project;
    }

    public boolean isDemo() {
        return demo;
    }

    public ObjectProperty<ClusterSnapshot> snapshotProperty() {
        return snapshot;
    }

    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict;
    }

    public ReadOnlyObjectProperty<Map<String, Instant>> staleProperty() {
        return stale;
    }

    public StringProperty headlineProperty() {
        return headline;
    }

    public StringProperty roundInfoProperty() {
        return roundInfo;
    }

    public BooleanProperty readingProperty() {
        return reading;
    }

    public ReadOnlyObjectProperty<Duration> intervalProperty() {
        return interval;
    }

    public ObservableList<Finding> problems() {
        return problems;
    }

    public ObservableList<Finding> notes() {
        return notes;
    }

    public ObservableList<MonitorEvent> events() {
        return events;
    }
}
