package io.tandem.monitor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TimeSeriesStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;

    private static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    @Test
    void anHourIsKeptAndWindowsIncludeBothEnds() {
        TimeSeriesStore store = new TimeSeriesStore();
        for (int i = 0; i <= 2 * 3600; i++) { // two hours at one sample a second
            store.add("rtt client node1", at(i), i);
        }
        assertThat(store.oldest()).isEqualTo(at(3600));
        assertThat(store.newest()).isEqualTo(at(7200));
        SeriesWindow w = store.window("rtt client node1", at(7000), at(7010));
        assertThat(w.size()).isEqualTo(11);
        assertThat(w.values()[0]).isEqualTo(7000);
        assertThat(w.values()[10]).isEqualTo(7010);
        assertThat(store.window("rtt client node1", at(0), at(3599)).size()).isZero();
        assertThat(store.window("nothing like it", at(0), at(9999))).isEqualTo(SeriesWindow.EMPTY);
    }

    @Test
    void aFullRingOverwritesItsOldestAndStaysInTimeOrder() {
        TimeSeriesStore store = new TimeSeriesStore(Duration.ofSeconds(100), 1); // 100 samples
        for (int i = 0; i < 250; i++) {
            store.add("s", at(i * 0.2), i); // five a second: the ring, not the hour, is the limit
        }
        SeriesWindow kept = store.window("s", at(0), at(1000));
        assertThat(kept.size()).isEqualTo(100);
        assertThat(kept.values()[0]).isEqualTo(150);
        assertThat(kept.values()[99]).isEqualTo(249);
        for (int i = 1; i < kept.size(); i++) {
            assertThat(kept.times()[i]).isGreaterThanOrEqualTo(kept.times()[i - 1]);
        }
        store.add("s", at(1), -1); // late: kept at the newest time, the ring stays sorted
        SeriesWindow after = store.window("s", at(0), at(1000));
        assertThat(after.times()[99]).isEqualTo(after.times()[98]);
    }

    @Test
    void addingToAFullRingAllocatesNothingPerSample() {
        TimeSeriesStore store = new TimeSeriesStore(Duration.ofMinutes(10), 5);
        for (int i = 0; i < 4000; i++) {
            store.add("latency client1 sdb", at(i * 0.2), i % 7);
        }
        Instant[] times = new Instant[100_000];
        for (int i = 0; i < times.length; i++) {
            times[i] = at((4000 + i) * 0.2);
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < times.length; i++) {
            store.add("latency client1 sdb", times[i], i % 7);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        // A boxed Double per sample alone would be 1.6 MB here.
        assertThat(allocated).as("bytes for 100000 samples").isLessThan(100_000);
    }

    @Test
    void statsAreTheNearestRankOfTheValuesAndCountTheLost() {
        double[] values = new double[200];
        for (int i = 0; i < 200; i++) {
            values[i] = i + 1; // 1 … 200
        }
        values[5] = Double.NaN;
        values[6] = SeriesWindow.LOST;
        long[] times = new long[200];
        WindowStats s = WindowStats.of(new SeriesWindow(times, values));
        assertThat(s.measured()).isEqualTo(198);
        assertThat(s.lost()).isEqualTo(1);
        assertThat(s.p50()).isEqualTo(101); // the 99th of the 198 sorted values 1..5, 8..200
        assertThat(s.p99()).isEqualTo(199); // the 197th
        assertThat(s.max()).isEqualTo(200);
        assertThat(WindowStats.of(SeriesWindow.EMPTY).p50()).isNaN();
        assertThat(WindowStats.of(new SeriesWindow(new long[] {1}, new double[] {SeriesWindow.LOST})).lost()).isEqualTo(1);
        assertThat(WindowStats.of(new SeriesWindow(new long[] {1, 2}, new double[] {0.5, 2.5})).p50()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void markersAreKeptAnHourAndWindowedLikeTheSamples() {
        TimeSeriesStore store = new TimeSeriesStore();
        store.mark(at(0), ChartMarker.Kind.TEST, "failover started");
        store.mark(at(30), ChartMarker.Kind.TEST, "failover finished");
        assertThat(store.markers(at(0), at(30))).extracting(ChartMarker::text).containsExactly("failover started", "failover finished");
        assertThat(store.markers(at(1), at(29))).isEmpty();
        long changes = store.changes();
        store.mark(at(3700), ChartMarker.Kind.FAULT, "node down (node2)");
        assertThat(store.changes()).isGreaterThan(changes);
        assertThat(store.markers(at(0), at(4000))).extracting(ChartMarker::text).containsExactly("node down (node2)");
    }

    @Test
    void aWindowExportsAsCsvWithItsMarkersAndNoFormula() throws Exception {
        TimeSeriesStore store = new TimeSeriesStore();
        store.add("latency client1 sdb", at(0), 0.81);
        store.add("rtt replication node1", at(0.5), SeriesWindow.LOST);
        store.add("latency client1 sdb", at(2), Double.NaN);
        store.mark(at(1), ChartMarker.Kind.TEST, "=cmd|' /C calc'!A0, the failover");
        store.add("latency client1 sdb", at(99), 9);
        Path csv = dir.resolve("window.csv");
        store.exportCsv(csv, at(0), at(10), List.of());
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo("time_utc,time_local,series,value,unit,state,event");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("2026-11-25T10:00:00Z,").endsWith(",latency client1 sdb,0.8100,ms,measured,");
        assertThat(lines.get(2)).endsWith(",rtt replication node1,,ms,lost,");
        assertThat(lines.get(3)).endsWith(",event,,,test,\"'=cmd|' /C calc'!A0, the failover\"");
        assertThat(lines.get(4)).endsWith(",latency client1 sdb,,ms,not measured,");
        assertThat(Files.getPosixFilePermissions(csv)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        store.exportCsv(csv, at(0), at(100), List.of("latency client1 sdb"));
        assertThat(Files.readAllLines(csv)).hasSize(5).noneMatch(l -> l.contains("rtt"));
    }
}
