package io.tandem.gui.wizard;

import io.tandem.text.LineDiff;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the Review step's changes view: a hunk header, or a line with its numbers on the
 * host's side ({@code oldNumber}) and after writing ({@code newNumber}), empty where it has none.
 */
public record DiffRow(Kind kind, String oldNumber, String newNumber, String text) {

    public enum Kind { HUNK, SAME, REMOVED, ADDED }

    static final int CONTEXT = 3;

    /** The rows of a diff's hunks with {@link #CONTEXT} lines of context. */
    static List<DiffRow> of(LineDiff diff) {
        List<DiffRow> rows = new ArrayList<>();
        for (LineDiff.Hunk hunk : diff.hunks(CONTEXT)) {
            rows.add(new DiffRow(Kind.HUNK, "", "", hunk.header()));
            for (LineDiff.Line line : hunk.lines()) {
                Kind kind = switch (line.kind()) {
                    case SAME -> Kind.SAME;
                    case REMOVED -> Kind.REMOVED;
                    case ADDED -> Kind.ADDED;
                };
                rows.add(new DiffRow(kind, number(line.oldNumber()), number(line.newNumber()),
                        line.text() + (line.noNewline() ? "  \u23CE no newline at end of file" : "")));
            }
        }
        return rows;
    }

    private static String number(int n) {
        return n == 0 ? "" : Integer.toString(n);
    }

    /** The sign a unified diff puts in front of the line. */
    public String sign() {
        return switch (kind) {
            case HUNK, SAME -> " ";
            case REMOVED -> "-";
            case ADDED -> "+";
        };
    }
}
