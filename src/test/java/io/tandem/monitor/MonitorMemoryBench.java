package io.tandem.monitor;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.tandem.testing.Fixtures.vmlab;

/**
 * Benchmark ({@code mvn -Pbench test -Dtest=MonitorMemoryBench}): the monitoring loop's memory over
 * the rounds of two hours at the default 2 s interval, run back to back (3600 rounds of the VM
 * lab's captured cluster, every answer parsed and judged, the event log written, a split brain
 * coming and going every 100 rounds so that events and history keep growing). Prints the resident
 * set and the heap in use after a full GC at every 600 rounds: the goal is under 400 MB and
 * not growing.
 */
@Tag("bench")
class MonitorMemoryBench {

    @TempDir
    Path dir;

    @Test
    void twoHoursOfRounds() throws Exception {
        Scenario s = VmLabScenarios.healthy();
        List<String> figures = new ArrayList<>();
        long start = System.nanoTime();
        try (ClusterMonitor m = new ClusterMonitor(s.project(), s.source(), Duration.ofSeconds(2), new EventLog(dir.resolve("events.jsonl")),
                new SideHistory(dir.resolve("sides.json")), r -> { })) {
            for (int i = 1; i <= 3600; i++) {
                if (i % 100 == 0) {
                    boolean split = i % 200 == 0;
                    s.fact("node1", StatusScript.PROC_DRBD, vmlab(split ? "node1.split-brain.proc_drbd.txt" : "node1.on-node1.proc_drbd.txt"));
                }
                m.round();
                if (i % 600 == 0) {
                    figures.add(String.format("after %d rounds (%.1f h at 2 s): %s", i, i * 2 / 3600.0, memory()));
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        figures.forEach(f -> System.out.println("MonitorMemoryBench: " + f));
        System.out.printf("MonitorMemoryBench: 3600 rounds in %.1f s (%.1f ms a round: parse and judge three hosts); event log %d bytes%n",
                seconds, seconds * 1000 / 3600, Files.size(dir.resolve("events.jsonl")));
    }

    private static String memory() throws Exception {
        System.gc();
        Thread.sleep(200);
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> l.replaceAll("\\D+", "")).findFirst().orElse("0");
        return String.format("RSS %d MB, heap in use %.1f MB", Long.parseLong(rss) / 1024, heap / 1048576.0);
    }
}
