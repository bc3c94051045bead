package io.tandem.text;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * Benchmark (mvn -Pbench test -Dtest=LineDiffBench): the line diff on 5,000-line files, a few
 * scattered edits and two unrelated texts (the worst case: every line differs), after warm-up.
 */
@Tag("bench")
class LineDiffBench {

    @Test
    void fiveThousandLines() {
        Random random = new Random(1);
        String before = text(random, 5000, 12);
        String edited = before.replace("line 3\nline 4\n", "line 3\nchanged\n");
        String unrelated = text(new Random(2), 5000, 12);
        for (int i = 0; i < 5; i++) {
            LineDiff.of(before, edited);
            LineDiff.of(before, unrelated);
        }
        System.out.printf("LineDiffBench: 5000 lines, scattered edits %.1f ms, unrelated texts %.1f ms%n",
                time(() -> LineDiff.of(before, edited)), time(() -> LineDiff.of(before, unrelated)));
    }

    private static double time(Runnable run) {
        int rounds = 10;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            run.run();
        }
        return (System.nanoTime() - start) / 1e6 / rounds;
    }

    private static String text(Random random, int lines, int distinct) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            out.append("line ").append(random.nextInt(distinct)).append('\n');
        }
        return out.toString();
    }
}
