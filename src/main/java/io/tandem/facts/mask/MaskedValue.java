package io.tandem.facts.mask;

/**
 * The mask of a value as a line-based format writes it: bare, or in double or single quotes that
 * stay around the mask, which is the one of the value without its quotes (these formats know no
 * escapes: a backslash is part of the value).
 */
final class MaskedValue {

    private MaskedValue() {
    }

    /** Replaces {@code [start, end)} of the text, which holds a value, with its mask; nothing when there is nothing to hide. */
    static void replace(TextEdits edits, String text, int start, int end) {
        String raw = text.substring(start, end);
        String value = unquote(raw);
        if (MaskToken.hides(value)) {
            String quote = quoted(raw) ? raw.substring(0, 1) : "";
            edits.replace(start, end, quote + MaskToken.of(value) + quote);
        }
    }

    static boolean quoted(String raw) {
        return raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'') && raw.charAt(raw.length() - 1) == raw.charAt(0);
    }

    /** The value without its quotes; an unbalanced quote is part of the value. */
    static String unquote(String raw) {
        return quoted(raw) ? raw.substring(1, raw.length() - 1) : raw;
    }
}
