package io.tandem.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines that differ between two texts, as a reviewer reads them: Myers' O(ND) shortest edit
 * script, found with the linear-space "middle snake" bisection so that two unrelated 5,000-line files
 * cost memory in proportion to their length, not its square. A last line without a newline differs
 * from the same line with one, as in {@code diff -u}.
 */
public final class LineDiff {

    public enum Kind { SAME, REMOVED, ADDED }

    /**
     * One line of the comparison; numbers count from 1 and are 0 on the side the line is not on.
     *
     * @param noNewline the line ends its text without a newline
     */
    public record Line(Kind kind, int oldNumber, int newNumber, String text, boolean noNewline) {
    }

    /** Changed lines with their surrounding context, as in a unified diff. */
    public record Hunk(int oldStart, int oldCount, int newStart, int newCount, List<Line> lines) {

        /** {@code @@ -oldStart,oldCount +newStart,newCount @@}, with diff's convention for empty ranges. */
        public String header() {
            return "@@ -" + range(oldStart, oldCount) + " +" + range(newStart, newCount) + " @@";
        }

        private static String range(int start, int count) {
            return count == 1 ? Integer.toString(start) : start + "," + count;
        }
    }

    private final List<Line> lines;
    private final int added;
    private final int removed;

    private LineDiff(List<Line> lines) {
        this.lines = List.copyOf(lines);
        this.added = (int) lines.stream().filter(l -> l.kind() == Kind.ADDED).count();
        this.removed = (int) lines.stream().filter(l -> l.kind() == Kind.REMOVED).count();
    }

    /** Compares {@code before} with {@code after}, line by line. */
    public static LineDiff of(String before, String after) {
        TextLines a = TextLines.split(before);
        TextLines b = TextLines.split(after);
        Map<String, Integer> ids = new HashMap<>();
        int[] x = a.ids(ids);
        int[] y = b.ids(ids);
        List<Line> out = new ArrayList<>(Math.max(x.length, y.length));
        new Script(x, y, (kind, i, j) -> out.add(switch (kind) {
            case SAME -> new Line(Kind.SAME, i + 1, j + 1, a.text(i), a.noNewline(i));
            case REMOVED -> new Line(Kind.REMOVED, i + 1, 0, a.text(i), a.noNewline(i));
            case ADDED -> new Line(Kind.ADDED, 0, j + 1, b.text(j), b.noNewline(j));
        })).run();
        return new LineDiff(removedFirst(out));
    }

    /** In each run of changes, the removed lines before the added ones, as a reader expects a replacement. */
    private static List<Line> removedFirst(List<Line> lines) {
        List<Line> out = new ArrayList<>(lines.size());
        List<Line> added = new ArrayList<>();
        for (Line line : lines) {
            switch (line.kind()) {
                case ADDED -> added.add(line);
                case REMOVED -> out.add(line);
                case SAME -> {
                    out.addAll(added);
                    added.clear();
                    out.add(line);
                }
            }
        }
        out.addAll(added);
        return out;
    }

    /** Every line of both texts in order: the same ones once, removed before added. */
    public List<Line> lines() {
        return lines;
    }

    public int added() {
        return added;
    }

    public int removed() {
        return removed;
    }

    public boolean identical() {
        return added == 0 && removed == 0;
    }

    /** The changes grouped with up to {@code context} unchanged lines around them; hunks whose context touches merge. */
    public List<Hunk> hunks(int context) {
        List<Hunk> hunks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).kind() == Kind.SAME) {
                i++;
                continue;
            }
            int start = i;
            while (start > 0 && i - start < context && lines.get(start - 1).kind() == Kind.SAME) {
                start--;
            }
            int end = i;
            int sameRun = 0;
            while (end < lines.size() && sameRun <= 2 * context) {
                sameRun = lines.get(end).kind() == Kind.SAME ? sameRun + 1 : 0;
                end++;
            }
            // Stop after `context` lines of the run of unchanged lines that ended the hunk.
            end = end - sameRun + Math.min(sameRun, context);
            hunks.add(hunk(start, end));
            i = end;
        }
        return hunks;
    }

    private Hunk hunk(int from, int to) {
        int oldBefore = 0;
        int newBefore = 0;
        for (int i = from - 1; i >= 0; i--) {
            Line line = lines.get(i);
            if (line.oldNumber() > 0 && oldBefore == 0) {
                oldBefore = line.oldNumber();
            }
            if (line.newNumber() > 0 && newBefore == 0) {
                newBefore = line.newNumber();
            }
            if (oldBefore > 0 && newBefore > 0) {
                break;
            }
        }
        List<Line> part = lines.subList(from, to);
        int oldCount = (int) part.stream().filter(l -> l.kind() != Kind.ADDED).count();
        int newCount = (int) part.stream().filter(l -> l.kind() != Kind.REMOVED).count();
        // diff -u starts an empty range at the line before it, so "-0,0" for an empty old file.
        return new Hunk(oldCount == 0 ? oldBefore : oldBefore + 1, oldCount, newCount == 0 ? newBefore : newBefore + 1, newCount,
                List.copyOf(part));
    }

    /** The diff as {@code diff -u} prints it (without timestamps); empty when the texts are identical. */
    public String unified(String oldName, String newName, int context) {
        if (identical()) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- ").append(oldName).append("\n+++ ").append(newName).append('\n');
        for (Hunk hunk : hunks(context)) {
            out.append(hunk.header()).append('\n');
            for (Line line : hunk.lines()) {
                out.append(switch (line.kind()) {
                    case SAME -> ' ';
                    case REMOVED -> '-';
                    case ADDED -> '+';
                }).append(line.text()).append('\n');
                if (line.noNewline()) {
                    out.append("\\ No newline at end of file\n");
                }
            }
        }
        return out.toString();
    }

    /** A text cut into lines; the last one remembers whether a newline ended it. */
    private record TextLines(String[] texts, boolean lastHasNewline) {

        static TextLines split(String text) {
            if (text.isEmpty()) {
                return new TextLines(new String[0], true);
            }
            boolean newline = text.endsWith("\n");
            String body = newline ? text.substring(0, text.length() - 1) : text;
            return new TextLines(body.split("\n", -1), newline);
        }

        String text(int i) {
            return texts[i];
        }

        boolean noNewline(int i) {
            return i == texts.length - 1 && !lastHasNewline;
        }

        /** Each line as a number, equal numbers for equal lines, so comparing lines is comparing ints. */
        int[] ids(Map<String, Integer> ids) {
            int[] out = new int[texts.length];
            for (int i = 0; i < texts.length; i++) {
                // A control character cannot occur in a split line's key otherwise: the unterminated last line keys apart.
                String key = noNewline(i) ? texts[i] + "\n" : texts[i];
                out[i] = ids.computeIfAbsent(key, k -> ids.size());
            }
            return out;
        }
    }

    /** The furthest point reached on each diagonal of an n-by-m edit graph; -1 where none was. */
    private static final class Reach {
        private final int[] x;
        private final int offset;
        private final int n;
        private final int m;

        Reach(int max, int n, int m) {
            this.x = new int[2 * max + 3];
            this.offset = max + 1;
            this.n = n;
            this.m = m;
            Arrays.fill(x, -1);
        }

        int get(int k) {
            int i = offset + k;
            return i < 0 || i >= x.length ? -1 : x[i];
        }

        void set(int k, int value) {
            x[offset + k] = value;
        }

        /**
         * Where a path with d edits enters diagonal k, before following its snake: one step down from
         * k+1 or right from k-1, whichever gets further and stays inside the graph; -1 if neither does.
         */
        int start(int k, int d) {
            if (d == 0) {
                return 0;
            }
            int down = k < d && get(k + 1) >= 0 && get(k + 1) - k <= m ? get(k + 1) : -1;
            int right = k > -d && get(k - 1) >= 0 && get(k - 1) + 1 <= n ? get(k - 1) + 1 : -1;
            // A step that would leave the graph is no step; what an earlier, shorter path reached still counts.
            return Math.max(Math.max(down, right), get(k));
        }
    }

    /** Receives the edit script in order. */
    @FunctionalInterface
    private interface Sink {
        void emit(Kind kind, int oldIndex, int newIndex);
    }

    /** Myers' algorithm over two arrays of line ids, emitting lines in text order. */
    private static final class Script {
        private final int[] a;
        private final int[] b;
        private final Sink sink;

        Script(int[] a, int[] b, Sink sink) {
            this.a = a;
            this.b = b;
            this.sink = sink;
        }

        void run() {
            compare(0, a.length, 0, b.length);
        }

        /** Emits the script turning a[aLo, aHi) into b[bLo, bHi). */
        private void compare(int aLo, int aHi, int bLo, int bHi) {
            while (aLo < aHi && bLo < bHi && a[aLo] == b[bLo]) {
                sink.emit(Kind.SAME, aLo++, bLo++);
            }
            int aEnd = aHi;
            int bEnd = bHi;
            while (aEnd > aLo && bEnd > bLo && a[aEnd - 1] == b[bEnd - 1]) {
                aEnd--;
                bEnd--;
            }
            if (aLo == aEnd) {
                for (int j = bLo; j < bEnd; j++) {
                    sink.emit(Kind.ADDED, aLo, j);
                }
            } else if (bLo == bEnd) {
                for (int i = aLo; i < aEnd; i++) {
                    sink.emit(Kind.REMOVED, i, bLo);
                }
            } else {
                int[] split = middle(aLo, aEnd, bLo, bEnd);
                compare(aLo, split[0], bLo, split[1]);
                compare(split[0], aEnd, split[1], bEnd);
            }
            for (int i = aEnd, j = bEnd; i < aHi; i++, j++) {
                sink.emit(Kind.SAME, i, j);
            }
        }

        /**
         * A point on a shortest edit path from (aLo, bLo) to (aHi, bHi), found where a path searched
         * forwards from the start meets one searched backwards from the end. Both ranges are non-empty
         * and differ in their first and last lines, so the point splits the problem into two smaller ones.
         */
        private int[] middle(int aLo, int aHi, int bLo, int bHi) {
            int n = aHi - aLo;
            int m = bHi - bLo;
            int max = (n + m + 1) / 2 + 1;
            // forward[k]: furthest x reached on diagonal k = x - y; backward[k]: the same from the end, k = (n-x) - (m-y).
            Reach forward = new Reach(max, n, m);
            Reach backward = new Reach(max, n, m);
            int delta = n - m;
            boolean odd = (delta & 1) != 0;
            for (int d = 0; d < max; d++) {
                for (int k = -d; k <= d; k += 2) {
                    int x = forward.start(k, d);
                    if (x < 0) {
                        continue;
                    }
                    int y = x - k;
                    while (x < n && y < m && a[aLo + x] == b[bLo + y]) {
                        x++;
                        y++;
                    }
                    forward.set(k, x);
                    if (odd && backward.get(delta - k) >= 0 && x + backward.get(delta - k) >= n) {
                        return new int[] {aLo + x, bLo + y};
                    }
                }
                for (int k = -d; k <= d; k += 2) {
                    int u = backward.start(k, d);
                    if (u < 0) {
                        continue;
                    }
                    int v = u - k;
                    while (u < n && v < m && a[aHi - u - 1] == b[bHi - v - 1]) {
                        u++;
                        v++;
                    }
                    backward.set(k, u);
                    if (!odd && forward.get(delta - k) >= 0 && forward.get(delta - k) + u >= n) {
                        return new int[] {aHi - u, bHi - v};
                    }
                }
            }
            throw new IllegalStateException("no middle snake: the edit script is longer than both texts");
        }
    }
}
