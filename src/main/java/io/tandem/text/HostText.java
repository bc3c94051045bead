package io.tandem.text;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that came from a host (file names and contents, command output, error text, SSH banners),
 * made safe to show. A host can put terminal escape sequences into anything it sends: an
 * os-release name that sets the window title, a NIC name that clears the screen, a file name with
 * a bidirectional override that makes {@code .conf} read as something else. Every control
 * character (C0, DEL, C1), every Unicode bidi control and the Unicode line and paragraph
 * separators are replaced by a visible escape: {@code \x1b} for ESC (two hex digits below U+0100),
 * and a backslash, {@code u} and four hex digits above (U+202E, the right-to-left override).
 *
 * <p>A backslash the host sent is left alone, so its literal text "\x1b" and an escaped ESC look
 * the same; that is harmless, the point is that nothing reaches a terminal, log or file that a
 * terminal would act on.
 */
public final class HostText {

    /** Marks a record component whose host text may hold several lines: tabs and newlines stay. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface MultiLine {
    }

    private HostText() {
    }

    /** One line of host text: every control character escaped, tab and newline included. */
    public static String line(String text) {
        return escape(text, false);
    }

    /** Several lines of host text: newlines and tabs kept, every other control character escaped. */
    public static String lines(String text) {
        return escape(text, true);
    }

    /** True when {@code text} holds nothing a terminal would act on (tabs and newlines allowed). */
    public static boolean isSafe(String text) {
        return text.codePoints().noneMatch(c -> needsEscape(c, true));
    }

    private static String escape(String text, boolean keepLineBreaks) {
        if (text == null || text.codePoints().noneMatch(c -> needsEscape(c, keepLineBreaks))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (!needsEscape(c, keepLineBreaks)) {
                out.appendCodePoint(c);
            } else if (c < 0x100) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
    }

    private static boolean needsEscape(int c, boolean keepLineBreaks) {
        if (c == '\n' || c == '\t') {
            return !keepLineBreaks;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c) || c == 0x2028 || c == 0x2029;
    }

    /** Unicode's Bidi_Control property: the marks, embeddings, overrides and isolates ("Trojan Source"). */
    private static boolean isBidiControl(int c) {
        return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
