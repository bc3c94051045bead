package io.tandem.gui.home;

import io.tandem.gui.Background;
import io.tandem.monitor.ChartMarker;
import io.tandem.monitor.SeriesNames;
import io.tandem.monitor.SeriesWindow;
import io.tandem.monitor.TimeSeriesStore;
import io.tandem.model.NetworkRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The latency charts' model without a window: frames, live and paused windows, scrolling back, exports. */
class LatencyChartsViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final String SDB = SeriesNames.latency("client1", "sdb");
    private static final String REPLICATION = SeriesNames.rtt(NetworkRole.REPLICATION, "node1");

    @TempDir
    Path dir;

    private final AtomicReference<Instant> now = new AtomicReference<>(T0.plus(Duration.ofMinutes(30)));
    private final AtomicInteger computed = new AtomicInteger();

    /** Thirty minutes of samples every 2 s: the latency rising with the minutes, a replication ping lost in minute 25. */
    private TimeSeriesStore store() {
        TimeSeriesStore store = new TimeSeriesStore();
        for (int s = 0; s <= 30 * 60; s += 2) {
            store.add(SDB, T0.plusSeconds(s), 0.5 + s / 600.0);
            store.add(REPLICATION, T0.plusSeconds(s), s / 60 == 25 ? SeriesWindow.LOST : 0.1);
        }
        store.mark(T0.plus(Duration.ofMinutes(25)), ChartMarker.Kind.FAULT, "replication link down (r0)");
        return store;
    }

    private LatencyChartsViewModel model(TimeSeriesStore store) {
        Background counting = new Background() {
            @Override
            public <T> Job run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onSuccess,
                               java.util.function.Consumer<Throwable> onFailure) {
                computed.incrementAndGet();
                return Background.IMMEDIATE.run(work, onSuccess, onFailure);
            }
        };
        return new LatencyChartsViewModel(store, counting, now::get);
    }

    @Test
    void aFrameHasTheFourChartsWithEachSeriesItsFiguresAndTheEvents() {
        LatencyChartsViewModel m = model(store());
        m.tick();
        LatencyChartsViewModel.Frame f = m.frameProperty().get();
        assertThat(f.live()).isTrue();
        assertThat(f.to()).isEqualTo(now.get());
        assertThat(f.from()).isEqualTo(now.get().minus(Duration.ofMinutes(10)));
        assertThat(f.charts()).extracting(LatencyChartsViewModel.Chart::group).containsExactly(SeriesNames.Group.values());
        LatencyChartsViewModel.Line latency = f.charts().getFirst().lines().getFirst();
        assertThat(latency.label()).isEqualTo("client1 sdb");
        assertThat(latency.samples().size()).isEqualTo(301); // 10 minutes every 2 s, both ends
        assertThat(latency.stats().max()).isEqualTo(3.5);
        assertThat(latency.figures()).isEqualTo("p50 3.00 ms · p99 3.49 ms · max 3.50 ms");
        LatencyChartsViewModel.Line replication = f.charts().get(2).lines().getFirst();
        assertThat(replication.label()).isEqualTo("from node1");
        assertThat(replication.stats().lost()).isEqualTo(30);
        assertThat(replication.figures()).endsWith(" · 30 no reply");
        assertThat(f.charts().get(1).lines()).as("no client-network series yet").isEmpty();
        assertThat(f.charts().getFirst().markers()).extracting(ChartMarker::text).containsExactly("replication link down (r0)");
        assertThat(m.positionProperty().get()).startsWith("Live: the last 10 min (");
    }

    @Test
    void liveTheWindowIsDrawnAgainWhenItMovedByAPixelsWorthWithTheSamplesThatCame() {
        TimeSeriesStore store = store();
        LatencyChartsViewModel m = model(store);
        m.tick();
        int first = computed.get();
        m.tick();
        now.set(now.get().plusMillis(100)); // a tenth of a second of a 10-minute window: under a pixel
        store.add(SDB, now.get(), 7);
        m.tick();
        assertThat(computed.get()).isEqualTo(first);
        now.set(now.get().plusMillis(500));
        m.tick();
        assertThat(computed.get()).isEqualTo(first + 1);
        assertThat(m.frameProperty().get().charts().getFirst().lines().getFirst().stats().max()).as("the sample that came meanwhile").isEqualTo(7);
        m.windowProperty().set(Duration.ofMinutes(1));
        assertThat(computed.get()).isEqualTo(first + 2);
        assertThat(m.frameProperty().get().charts().getFirst().lines().getFirst().samples().size()).isEqualTo(31);
    }

    @Test
    void pausedTheWindowHoldsStillAndScrollsBackThroughTheHistory() {
        TimeSeriesStore store = store();
        LatencyChartsViewModel m = model(store);
        m.tick();
        m.pause();
        Instant held = m.frameProperty().get().to();
        assertThat(m.frameProperty().get().live()).isFalse();
        assertThat(m.positionProperty().get()).startsWith("Paused: ");
        now.set(now.get().plusSeconds(30));
        store.add(SDB, now.get(), 9);
        m.tick();
        assertThat(m.frameProperty().get().to()).isEqualTo(held);
        assertThat(m.history()).isEqualTo(Duration.ofMinutes(20).plusSeconds(30)); // 30.5 minutes kept, less the window

        m.step(true);
        assertThat(m.back()).isEqualTo(Duration.ofSeconds(30 + 5 * 60));
        m.scrollTo(Duration.ofHours(2));
        assertThat(m.back()).as("never before the oldest sample").isEqualTo(m.history());
        assertThat(m.frameProperty().get().from()).isEqualTo(T0);
        assertThat(m.frameProperty().get().charts().getFirst().lines().getFirst().samples().values()[0]).isEqualTo(0.5);
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault());
        assertThat(m.positionProperty().get()).isEqualTo("Paused: " + time.format(T0) + " – " + time.format(T0.plusSeconds(600)) + ", 20 min ago");

        m.scrollTo(Duration.ofMinutes(3));
        m.step(false);
        assertThat(m.pausedProperty().get()).as("half a window forward from 3 minutes back is now: live again").isFalse();
        assertThat(m.frameProperty().get().to()).isEqualTo(now.get());
    }

    @Test
    void theVisibleWindowExportsAsCsv() throws Exception {
        LatencyChartsViewModel m = model(store());
        m.windowProperty().set(Duration.ofMinutes(1));
        m.tick();
        Path csv = dir.resolve(m.exportName("lab", "csv"));
        assertThat(csv.getFileName().toString()).startsWith("lab-latency-").endsWith(".csv");
        m.exportCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo("time_utc,time_local,series,value,unit,state,event");
        assertThat(lines).hasSize(1 + 2 * 31);
        assertThat(lines).filteredOn(l -> l.contains(",latency client1 sdb,")).hasSize(31);
    }
}
