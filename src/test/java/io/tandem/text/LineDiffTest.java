package io.tandem.text;

import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The line diff: diff -u's format, minimal edit scripts, the edge cases of real files, and speed. */
class LineDiffTest {

    @TempDir
    Path dir;

    @Test
    void aChangedLineIsShownWithThreeLinesOfContextAsDiffUPrintsIt() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
        String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n";

        LineDiff diff = LineDiff.of(before, after);

        assertThat(diff.added()).isEqualTo(1);
        assertThat(diff.removed()).isEqualTo(1);
        assertThat(diff.unified("a", "b", 3)).isEqualTo("--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
    }

    @Test
    void changesFarApartMakeTwoHunksAndNearOnesOne() {
        String before = IntStream.rangeClosed(1, 30).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n"));
        String far = before.replace("\n3\n", "\nthree\n").replace("\n25\n", "\ntwenty-five\n");
        String near = before.replace("\n3\n", "\nthree\n").replace("\n9\n", "\nnine\n");

        assertThat(LineDiff.of(before, far).hunks(3)).extracting(LineDiff.Hunk::header).containsExactly("@@ -1,6 +1,6 @@", "@@ -22,7 +22,7 @@");
        assertThat(LineDiff.of(before, near).hunks(3)).extracting(LineDiff.Hunk::header).containsExactly("@@ -1,12 +1,12 @@");
    }

    @Test
    void lineNumbersCountOnEachSide() {
        LineDiff diff = LineDiff.of("a\nb\nc\n", "a\nx\ny\nc\n");

        assertThat(diff.lines()).containsExactly(
                new LineDiff.Line(LineDiff.Kind.SAME, 1, 1, "a", false),
                new LineDiff.Line(LineDiff.Kind.REMOVED, 2, 0, "b", false),
                new LineDiff.Line(LineDiff.Kind.ADDED, 0, 2, "x", false),
                new LineDiff.Line(LineDiff.Kind.ADDED, 0, 3, "y", false),
                new LineDiff.Line(LineDiff.Kind.SAME, 3, 4, "c", false));
    }

    @Test
    void identicalTextsHaveNoHunks() {
        LineDiff diff = LineDiff.of("a\nb\n", "a\nb\n");

        assertThat(diff.identical()).isTrue();
        assertThat(diff.hunks(3)).isEmpty();
        assertThat(diff.unified("a", "b", 3)).isEmpty();
        assertThat(LineDiff.of("", "").identical()).isTrue();
    }

    @Test
    void anEmptyFileOnEitherSideIsAllAddedOrAllRemoved() {
        assertThat(LineDiff.of("", "a\nb\n").unified("a", "b", 3)).isEqualTo("--- a\n+++ b\n@@ -0,0 +1,2 @@\n+a\n+b\n");
        assertThat(LineDiff.of("a\nb\n", "").unified("a", "b", 3)).isEqualTo("--- a\n+++ b\n@@ -1,2 +0,0 @@\n-a\n-b\n");
    }

    @Test
    void aMissingFinalNewlineIsAChangeOfTheLastLine() {
        LineDiff diff = LineDiff.of("a\nb\n", "a\nb");

        assertThat(diff.unified("a", "b", 3)).isEqualTo("--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n");
        assertThat(LineDiff.of("a\nb", "a\nb").identical()).isTrue();
        assertThat(LineDiff.of("a", "b").lines()).extracting(LineDiff.Line::noNewline).containsExactly(true, true);
    }

    @Test
    void blankLinesAndEmptyLinesAtTheEndAreLines() {
        LineDiff diff = LineDiff.of("a\n\n", "a\n");

        assertThat(diff.removed()).isEqualTo(1);
        assertThat(diff.lines()).filteredOn(l -> l.kind() == LineDiff.Kind.REMOVED).singleElement()
                .satisfies(l -> assertThat(l.text()).isEmpty());
    }

    @Test
    void theScriptIsAsShortAsGnuDiffsMinimalOneAndRebuildsBothTexts() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 40; round++) {
            String before = randomText(random, random.nextInt(60));
            String after = mutate(random, before);
            LineDiff diff = LineDiff.of(before, after);

            assertThat(rebuild(diff, LineDiff.Kind.ADDED)).as("old side of round " + round).isEqualTo(before);
            assertThat(rebuild(diff, LineDiff.Kind.REMOVED)).as("new side of round " + round).isEqualTo(after);
            assertThat(diff.added() + diff.removed()).as("edits in round " + round).isEqualTo(gnuMinimalEdits(before, after));
        }
    }

    @Test
    void twoUnrelatedFiveThousandLineFilesDiffInWellUnderASecond() {
        Random random = new Random(7);
        String before = randomText(random, 5000);
        String similar = mutate(random, before);
        String unrelated = randomText(new Random(8), 5000);

        long start = System.nanoTime();
        LineDiff few = LineDiff.of(before, similar);
        LineDiff all = LineDiff.of(before, unrelated);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(rebuild(all, LineDiff.Kind.REMOVED)).isEqualTo(unrelated);
        assertThat(few.hunks(3)).isNotEmpty();
        // Generous for a shared build machine: LineDiffBench measured 4 ms (edits) and 114 ms (unrelated texts).
        assertThat(millis).isLessThan(1500);
    }

    /** One side of the texts from the diff: every line except those of the kind {@code skip}. */
    static String rebuild(LineDiff diff, LineDiff.Kind skip) {
        StringBuilder out = new StringBuilder();
        for (LineDiff.Line line : diff.lines()) {
            if (line.kind() != skip) {
                out.append(line.text()).append(line.noNewline() ? "" : "\n");
            }
        }
        return out.toString();
    }

    private static String randomText(Random random, int lines) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            // Few distinct lines, so that many match by accident, as blank lines and braces do in config files.
            out.append("line ").append(random.nextInt(12)).append('\n');
        }
        if (lines > 0 && random.nextInt(5) == 0) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private static String mutate(Random random, String text) {
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
        int edits = random.nextInt(8);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(lines.size() + 1);
            switch (random.nextInt(3)) {
                case 0 -> lines.add(at, "new " + random.nextInt(5));
                case 1 -> {
                    if (at < lines.size()) {
                        lines.remove(at);
                    }
                }
                default -> {
                    if (at < lines.size()) {
                        lines.set(at, "changed " + random.nextInt(5));
                    }
                }
            }
        }
        return String.join("\n", lines);
    }

    private int gnuMinimalEdits(String before, String after) throws Exception {
        Path a = Files.writeString(dir.resolve("a"), before);
        Path b = Files.writeString(dir.resolve("b"), after);
        var result = LocalCommand.run(List.of("diff", "--minimal", "-U0", a.toString(), b.toString()), Map.of(), dir, Duration.ofSeconds(10));
        return (int) result.stdout().lines().filter(l -> (l.startsWith("+") && !l.startsWith("+++ ")) || (l.startsWith("-") && !l.startsWith("--- ")))
                .count();
    }
}
