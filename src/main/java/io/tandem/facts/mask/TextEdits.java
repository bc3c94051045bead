package io.tandem.facts.mask;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replacements of spans of one text, collected while reading it and applied at the end, so that
 * everything outside the replaced spans stays byte for byte as it was.
 */
final class TextEdits {

    private record Edit(int start, int end, String replacement) {
    }

    private final String text;
    private final List<Edit> edits = new ArrayList<>();

    TextEdits(String text) {
        this.text = text;
    }

    /** Replaces {@code [start, end)}; the same span twice (a YAML alias) counts once. */
    void replace(int start, int end, String replacement) {
        if (start < 0 || end < start || end > text.length()) {
            throw new IllegalArgumentException("span " + start + ".." + end + " is outside the text");
        }
        for (Edit edit : edits) {
            if (edit.start() == start && edit.end() == end) {
                return;
            }
        }
        edits.add(new Edit(start, end, replacement));
    }

    /**
     * The text with every replacement. A span inside another one is already replaced by the outer
     * one (a commented line inside a masked block); spans that only partly overlap mean the reading
     * went wrong.
     */
    String apply() {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparing(Comparator.comparingInt(Edit::end).reversed()));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Edit edit : sorted) {
            if (edit.start() < at && edit.end() <= at) {
                continue;
            }
            if (edit.start() < at) {
                throw new IllegalStateException("two replacements overlap");
            }
            out.append(text, at, edit.start()).append(edit.replacement());
            at = edit.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
