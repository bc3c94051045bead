package io.tandem.gui.home;

import io.tandem.gui.FxBackground;
import io.tandem.model.NetworkRole;
import io.tandem.monitor.SeriesNames;
import io.tandem.monitor.SeriesWindow;
import io.tandem.monitor.TimeSeriesStore;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark of the requirement for the charts: "ten minutes of 5 samples/s on 4 series must
 * scroll without FX-thread stalls over 50 ms" ({@code mvn -Pbench test -Dtest='ChartPulseBench#chartFx'},
 * then {@code #lineChart}: one JVM each, so the resident set is each library's own).
 * <p>
 * Four series, one per chart of the monitoring view ({@link SeriesNames.Group}), go into a
 * {@link TimeSeriesStore} that already holds an hour of them; a feeder adds a sample to each at 5
 * samples/s in real time. The production {@link LatencyChartsViewModel} (frames computed in the
 * background, at most one a pixel's worth of time) with a 10-minute window (3000 points a series)
 * drives either the production {@link LatencyChartsView} (ChartFX) or the same four charts drawn by
 * JavaFX's {@code LineChart} (its best chance: no symbols, no animation, a live window moved by
 * the points that came and went instead of replaced). An AnimationTimer records the gaps between
 * FX pulses: with the window still ({@value #IDLE_SECONDS} s, what this machine's load does on its
 * own), live ({@value #LIVE_SECONDS} s after a {@value #WARM_UP_SECONDS} s warm-up), and scrolling
 * back through the hour ({@value #SCROLL_SECONDS} s, 20 s further back at each step, 5 steps a
 * second: every point of every chart replaced). It also records the CPU time of the FX thread and
 * of the renderer thread: on a machine whose cores are busy with other work the gaps include the
 * time these threads waited for a core, the CPU time does not. Then the resident set after a GC.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class ChartPulseBench {

    static final int IDLE_SECONDS = 20;
    static final int WARM_UP_SECONDS = 10;
    static final int LIVE_SECONDS = 60;
    static final int SCROLL_SECONDS = 30;
    private static final int RATE = 5;
    private static final List<String> SERIES = List.of(SeriesNames.latency("client1", "sdb"), SeriesNames.rtt(NetworkRole.CLIENT, "node1"),
            SeriesNames.rtt(NetworkRole.REPLICATION, "node1"), SeriesNames.resync("r0"));

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void chartFx(FxRobot robot) throws Exception {
        run(robot, "ChartFX 11.3.1 (LatencyChartsView)", model -> new LatencyChartsView(model, new FxBackground(), "bench").root());
    }

    @Test
    void lineChart(FxRobot robot) throws Exception {
        run(robot, "JavaFX LineChart", LineCharts::new);
    }

    /** The same four charts drawn by JavaFX's LineChart from the model's frames. */
    private static final class LineCharts extends GridPane {
        private final List<ObservableList<XYChart.Data<Number, Number>>> data = new ArrayList<>();
        private final List<NumberAxis> axes = new ArrayList<>();

        LineCharts(LatencyChartsViewModel model) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            getColumnConstraints().setAll(half, half);
            setHgap(12);
            setVgap(12);
            for (int i = 0; i < 4; i++) {
                NumberAxis x = new NumberAxis();
                x.setAutoRanging(false);
                x.setForceZeroInRange(false);
                LineChart<Number, Number> chart = new LineChart<>(x, new NumberAxis());
                chart.setAnimated(false);
                chart.setCreateSymbols(false);
                chart.setLegendVisible(false);
                chart.setTitle(SeriesNames.Group.values()[i].title());
                chart.setPrefSize(460, 240);
                ObservableList<XYChart.Data<Number, Number>> points = FXCollections.observableArrayList();
                chart.getData().add(new XYChart.Series<>(points));
                data.add(points);
                axes.add(x);
                add(chart, i % 2, i / 2);
            }
            model.frameProperty().addListener((obs, old, now) -> show(now));
            javafx.animation.Timeline ticks = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.millis(200),
                    e -> model.tick()));
            ticks.setCycleCount(javafx.animation.Timeline.INDEFINITE);
            ticks.play();
        }

        private void show(LatencyChartsViewModel.Frame f) {
            for (int i = 0; i < 4; i++) {
                NumberAxis x = axes.get(i);
                x.setLowerBound(f.from().toEpochMilli() / 1000.0);
                x.setUpperBound(f.to().toEpochMilli() / 1000.0);
                x.setTickUnit((x.getUpperBound() - x.getLowerBound()) / 10);
                List<LatencyChartsViewModel.Line> lines = f.charts().get(i).lines();
                SeriesWindow w = lines.isEmpty() ? SeriesWindow.EMPTY : lines.getFirst().samples();
                ObservableList<XYChart.Data<Number, Number>> points = data.get(i);
                double first = w.size() == 0 ? 0 : w.times()[0] / 1000.0;
                double lastShown = points.isEmpty() ? Double.NaN : points.getLast().getXValue().doubleValue();
                int kept = 0;
                while (kept < points.size() && points.get(kept).getXValue().doubleValue() < first) {
                    kept++;
                }
                boolean slid = f.live() && !points.isEmpty() && kept < points.size();
                if (slid) { // live: drop what left the window, add what came
                    points.remove(0, kept);
                    List<XYChart.Data<Number, Number>> added = new ArrayList<>();
                    for (int k = 0; k < w.size(); k++) {
                        if (w.times()[k] / 1000.0 > lastShown) {
                            added.add(new XYChart.Data<>(w.times()[k] / 1000.0, y(w.values()[k])));
                        }
                    }
                    points.addAll(added);
                } else {
                    List<XYChart.Data<Number, Number>> all = new ArrayList<>(w.size());
                    for (int k = 0; k < w.size(); k++) {
                        all.add(new XYChart.Data<>(w.times()[k] / 1000.0, y(w.values()[k])));
                    }
                    points.setAll(all);
                }
            }
        }

        private static double y(double v) {
            return Double.isFinite(v) ? v : 0;
        }
    }

    /** Pulse gaps and the CPU time of the FX and renderer threads between start and stop. */
    private static final class Pulses extends AnimationTimer {
        private static final java.lang.management.ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
        private final List<Long> gaps = new ArrayList<>();
        private long last;
        private long fxThread;
        private long renderThread;
        private long fxCpu;
        private long renderCpu;
        private long frames;

        @Override
        public void start() {
            fxThread = Thread.currentThread().threadId();
            renderThread = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                    .mapToLong(Thread::threadId).findFirst().orElse(-1);
            fxCpu = -CPU.getThreadCpuTime(fxThread);
            renderCpu = -CPU.getThreadCpuTime(renderThread);
            super.start();
        }

        @Override
        public void stop() {
            super.stop();
            fxCpu += CPU.getThreadCpuTime(fxThread);
            renderCpu += CPU.getThreadCpuTime(renderThread);
        }

        @Override
        public void handle(long now) {
            if (last != 0) {
                gaps.add(now - last);
            }
            last = now;
        }

        String describe() {
            long[] sorted = gaps.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return "no pulse";
            }
            long wall = gaps.stream().mapToLong(Long::longValue).sum();
            return String.format(Locale.ROOT, "%d pulses, gap max %.1f ms, p99 %.1f ms, median %.1f ms, %d over 50 ms; CPU FX thread %.0f %%, "
                            + "renderer %.0f %%%s", sorted.length, sorted[sorted.length - 1] / 1e6, sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6,
                    sorted[sorted.length / 2] / 1e6, gaps.stream().filter(g -> g > 50_000_000L).count(), 100.0 * fxCpu / wall,
                    100.0 * renderCpu / wall, frames == 0 ? "" : String.format(Locale.ROOT, "; %d frames, per frame %.1f ms FX + %.1f ms renderer",
                            frames, fxCpu / 1e6 / frames, renderCpu / 1e6 / frames));
        }
    }

    private void run(FxRobot robot, String library, java.util.function.Function<LatencyChartsViewModel, Node> view) throws Exception {
        Random random = new Random(1);
        TimeSeriesStore store = new TimeSeriesStore();
        Instant start = Instant.now().minus(Duration.ofHours(1));
        long hour = Duration.ofHours(1).toMillis();
        for (long t = 0; t < hour; t += 1000 / RATE) {
            for (String name : SERIES) {
                store.add(name, start.plusMillis(t), sample(random));
            }
        }
        LatencyChartsViewModel model = new LatencyChartsViewModel(store, new FxBackground(), Instant::now);
        robot.interact(() -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()); // as TandemApp
            stage.setScene(new Scene(new javafx.scene.layout.StackPane(view.apply(model)), 1366, 768));
            stage.show();
        });
        Pulses[] current = {null};
        model.frameProperty().addListener((obs, old, now) -> {
            if (current[0] != null) {
                current[0].frames++;
            }
        });
        ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor();
        feed.scheduleAtFixedRate(() -> SERIES.forEach(n -> store.add(n, Instant.now(), sample(random))), 0, 1000 / RATE, TimeUnit.MILLISECONDS);
        try {
            Thread.sleep(WARM_UP_SECONDS * 1000L);
            Pulses live = measure(robot, current, LIVE_SECONDS, null);
            robot.interact(model::pause);
            Pulses idle = measure(robot, current, IDLE_SECONDS, null);
            AtomicReference<Duration> back = new AtomicReference<>(Duration.ZERO);
            Pulses scroll = measure(robot, current, SCROLL_SECONDS, () -> {
                Duration next = back.get().plusSeconds(20);
                back.set(next.compareTo(model.history()) > 0 ? Duration.ZERO : next);
                model.scrollTo(back.get());
            });
            Path png = Path.of("target/screenshots/bench-" + (library.startsWith("ChartFX") ? "chartfx" : "linechart") + ".png");
            AtomicReference<javafx.scene.image.WritableImage> image = new AtomicReference<>();
            robot.interact(() -> image.set(stage.getScene().getRoot().snapshot(null, null)));
            Files.createDirectories(png.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", png.toFile());
            System.out.printf("BENCH %s, window still for %d s (the machine's own noise): %s%n", library, IDLE_SECONDS, idle.describe());
            System.out.printf("BENCH %s, live, 4 series × 3000 points, 5 samples/s each, for %d s: %s%n", library, LIVE_SECONDS, live.describe());
            System.out.printf("BENCH %s, scrolling back through the hour for %d s: %s%n", library, SCROLL_SECONDS, scroll.describe());
        } finally {
            feed.shutdownNow();
        }
        System.out.printf("BENCH %s, an hour of 4 series at 5 samples/s in the store and 10 minutes shown: %s%n", library, memory());
    }

    /** Measures for {@code seconds}; {@code step}, when given, runs on the FX thread 5 times a second meanwhile. */
    private static Pulses measure(FxRobot robot, Pulses[] current, int seconds, Runnable step) throws InterruptedException {
        Pulses p = new Pulses();
        robot.interact(() -> {
            current[0] = p;
            p.start();
        });
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (step != null) {
                javafx.application.Platform.runLater(step);
            }
            Thread.sleep(1000 / RATE);
        }
        robot.interact(() -> {
            p.stop();
            current[0] = null;
        });
        return p;
    }

    private static double sample(Random random) {
        return Math.max(0.01, 0.5 + random.nextGaussian() * 0.1);
    }

    private static String memory() throws Exception {
        System.gc();
        Thread.sleep(300);
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> l.replaceAll("\\D+", "")).findFirst().orElse("0");
        return String.format(Locale.ROOT, "RSS %d MB, heap in use after GC %.1f MB", Long.parseLong(rss) / 1024, heap / 1048576.0);
    }
}
