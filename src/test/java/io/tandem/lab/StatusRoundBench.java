package io.tandem.lab;

import io.tandem.testing.LabEnv;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Benchmark (the namespace lab up; {@code mvn -Pbench test -Dtest=StatusRoundBench}, under
 * {@code flock /tmp/tandem-lab.lock}): 50 status rounds of two nodes and one client over SSH with
 * the connections kept, as {@code tandem status --watch} runs them (the key user, sudo -n). Prints the wall time of a round
 * (the goal: under 300 ms here) and the SSH round trips per host per round (goal: 1).
 */
@Tag("bench")
class StatusRoundBench {

    @TempDir
    Path dir;

    @Test
    void fiftyRounds() throws Exception {
        // The key user, as the lab's other tests log in: its commands go through sudo -n. (Root's login shell here would
        // run this machine's own ~/.bashrc, whose pyenv setup alone takes seconds: a figure of this machine, not Tandem's.)
        try (LabStatusRounds rounds = new LabStatusRounds(LabEnv.require(), dir.resolve("kh"))) {
            for (int i = 0; i <= 50; i++) {
                rounds.round();
            }
            long trips = rounds.trips.subList(1, rounds.trips.size()).stream().flatMap(t -> t.values().stream()).mapToInt(Integer::intValue)
                    .max().orElse(-1);
            System.out.printf("StatusRoundBench: first round (3 logins + 3 scripts) %d ms; then %s; per host (median) %s; "
                    + "SSH round trips per host per round: %d%n", rounds.walls.getFirst().toMillis(), rounds.wallFigures(), rounds.hostFigures(), trips);
        }
        System.out.printf("StatusRoundBench: load average %s on %d cores%n", java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip(),
                Runtime.getRuntime().availableProcessors());
    }
}
