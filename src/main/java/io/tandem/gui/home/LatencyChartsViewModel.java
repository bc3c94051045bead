package io.tandem.gui.home;

import io.tandem.gui.Background;
import io.tandem.monitor.ChartMarker;
import io.tandem.monitor.SeriesNames;
import io.tandem.monitor.SeriesWindow;
import io.tandem.monitor.TimeSeriesStore;
import io.tandem.monitor.WindowStats;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The monitoring view's latency charts: one per group of series (initiator I/O latency, client
 * network round trip, replication round trip, DRBD resync rate), each over the visible window
 * with p50 / p99 / max of every series in it and the events marked. The window ends now and
 * moves with the clock (live) until paused; paused, it can be scrolled back through the hour the
 * cluster's {@link TimeSeriesStore} keeps. Frames are computed off the UI thread and only when
 * the window changed: its length, its position, or (live) the clock by a pixel's worth of it
 * ({@link #MIN_STEP_FRACTION}), with the samples that came meanwhile.
 */
public final class LatencyChartsViewModel {

    public static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(30), Duration.ofMinutes(60));
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
    /** A live window is drawn again when it moved by this part of its width at least: about a pixel of a wide chart. */
    static final double MIN_STEP_FRACTION = 1.0 / 1200;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** One series in a chart: its name in the store, its label, its samples in the window and their figures. */
    public record Line(String name, String label, SeriesWindow samples, WindowStats stats) {

        /** "p50 0.81 ms · p99 2.30 ms · max 4.10 ms · 3 no reply". */
        public String figures() {
            String lost = stats.lost() == 0 ? "" : " · " + stats.lost() + " " + SeriesNames.value(name, SeriesWindow.LOST);
            if (stats.measured() == 0) {
                return (stats.lost() == 0 ? "no value in this window" : stats.lost() + " " + SeriesNames.value(name, SeriesWindow.LOST));
            }
            if (SeriesNames.group(name) == SeriesNames.Group.RESYNC && stats.max() == 0) {
                return "no resync in this window";
            }
            return "p50 " + SeriesNames.value(name, stats.p50()) + " · p99 " + SeriesNames.value(name, stats.p99()) + " · max "
                    + SeriesNames.value(name, stats.max()) + lost;
        }
    }

    /** One chart: its group, its series (none yet: the chart says so) and the events in the window. */
    public record Chart(SeriesNames.Group group, List<Line> lines, List<ChartMarker> markers) {
    }

    /** What the charts show: the window from {@code from} to {@code to}, live or paused. */
    public record Frame(Instant from, Instant to, boolean live, List<Chart> charts) {
    }

    private final TimeSeriesStore store;
    private final Background background;
    private final Supplier<Instant> clock;
    private final ObjectProperty<Duration> window = new SimpleObjectProperty<>(DEFAULT_WINDOW);
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final ObjectProperty<Frame> frame = new SimpleObjectProperty<>();
    private final StringProperty position = new SimpleStringProperty("Live");
    /** The right edge of the window while paused. */
    private Instant pausedEnd;
    private Instant drawnEnd;
    private Duration drawnWindow;
    private boolean computing;
    private boolean again;

    public LatencyChartsViewModel(TimeSeriesStore store, Background background, Supplier<Instant> clock) {
        this.store = store;
        this.background = background;
        this.clock = clock;
        window.addListener((obs, old, now) -> tick());
        paused.addListener((obs, old, now) -> tick());
    }

    public TimeSeriesStore store() {
        return store;
    }

    /** Draws again when something changed since the last frame; the view calls it a few times a second. */
    public void tick() {
        if (computing) {
            again = true;
            return;
        }
        Instant end = end();
        Duration w = window.get();
        boolean live = !paused.get();
        // Live, the window moves with the clock and is drawn again once it moved by a pixel's worth, with whatever samples came
        // meanwhile: at 5 samples a second a 10-minute window would otherwise be redrawn 5 times a second for a fifth of a pixel.
        // Paused, new samples fall after the window: only moving it (scrolling) or resizing it draws again.
        boolean settings = frame.get() == null || frame.get().live() != live || !w.equals(drawnWindow);
        boolean moved = live ? drawnEnd == null || Duration.between(drawnEnd, end).abs().toMillis() >= w.toMillis() * MIN_STEP_FRACTION
                : !end.equals(drawnEnd);
        if (!settings && !moved) {
            return;
        }
        computing = true;
        Instant from = end.minus(w);
        background.run(() -> frame(store, from, end, live), f -> {
            drawnEnd = end;
            drawnWindow = w;
            computing = false;
            frame.set(f);
            position.set(describe(f));
            if (again) {
                again = false;
                tick();
            }
        }, failure -> {
            computing = false;
            position.set("The charts could not be drawn: " + failure.getMessage());
        });
    }

    /** The right edge of the window: now, or where it was paused or scrolled to. */
    Instant end() {
        return paused.get() && pausedEnd != null ? pausedEnd : clock.get();
    }

    /** The charts of the window from {@code from} to {@code to}: every group, each series in it with its figures. Pure but for reading the store. */
    static Frame frame(TimeSeriesStore store, Instant from, Instant to, boolean live) {
        List<ChartMarker> markers = store.markers(from, to);
        List<Chart> charts = new ArrayList<>();
        for (SeriesNames.Group group : SeriesNames.Group.values()) {
            List<Line> lines = new ArrayList<>();
            for (String name : store.names()) {
                if (SeriesNames.group(name) == group) {
                    SeriesWindow w = store.window(name, from, to);
                    lines.add(new Line(name, SeriesNames.label(name), w, WindowStats.of(w)));
                }
            }
            charts.add(new Chart(group, List.copyOf(lines), markers));
        }
        return new Frame(from, to, live, List.copyOf(charts));
    }

    private String describe(Frame f) {
        String span = TIME.format(f.from()) + " – " + TIME.format(f.to());
        if (f.live()) {
            return "Live: the last " + words(window.get()) + " (" + span + ")";
        }
        long ago = Duration.between(f.to(), clock.get()).toMinutes();
        return "Paused: " + span + (ago > 0 ? ", " + ago + " min ago" : "");
    }

    static String words(Duration d) {
        return d.toMinutes() >= 60 && d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    /** Stops the window where it is: the charts hold still while the samples keep coming into the store. */
    public void pause() {
        if (!paused.get()) {
            pausedEnd = clock.get();
            paused.set(true);
        }
    }

    /** Back to the window that ends now and moves with the clock. */
    public void live() {
        paused.set(false);
        pausedEnd = null;
        tick();
    }

    /** How far back the window can go: from the oldest sample kept to now, less one window (0 without history). */
    public Duration history() {
        Instant oldest = store.oldest();
        if (oldest == null) {
            return Duration.ZERO;
        }
        Duration span = Duration.between(oldest, clock.get()).minus(window.get());
        return span.isNegative() ? Duration.ZERO : span;
    }

    /** Pauses with the window ending {@code back} before now, within the history kept. */
    public void scrollTo(Duration back) {
        Duration clamped = back.isNegative() ? Duration.ZERO : back.compareTo(history()) > 0 ? history() : back;
        pausedEnd = clock.get().minus(clamped);
        if (!paused.get()) {
            paused.set(true);
        } else {
            tick();
        }
    }

    /** How far back the window's end is from now. */
    public Duration back() {
        return paused.get() && pausedEnd != null ? Duration.between(pausedEnd, clock.get()) : Duration.ZERO;
    }

    /** Half a window further back (earlier) or forward (later; at now, live again). */
    public void step(boolean earlier) {
        Duration half = window.get().dividedBy(2);
        Duration to = earlier ? back().plus(half) : back().minus(half);
        if (!earlier && !to.isPositive()) {
            live();
        } else {
            scrollTo(to);
        }
    }

    /** The visible window's samples and markers as CSV. */
    public void exportCsv(Path target) throws IOException {
        Frame f = frame.get();
        Instant to = f == null ? end() : f.to();
        Instant from = f == null ? to.minus(window.get()) : f.from();
        store.exportCsv(target, from, to, List.of());
    }

    /** A file name for an export of the visible window: "latency-20261125-1402.csv". */
    public String exportName(String cluster, String extension) {
        return cluster + "-latency-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT).withZone(ZoneId.systemDefault()).format(end())
                + "." + extension;
    }

    public ObjectProperty<Duration> windowProperty() {
        return window;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame;
    }

    public StringProperty positionProperty() {
        return position;
    }
}
