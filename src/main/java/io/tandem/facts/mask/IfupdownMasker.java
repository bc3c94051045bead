package io.tandem.facts.mask;

import java.util.regex.Pattern;

/**
 * ifupdown's {@code interfaces} and {@code interfaces.d/*}: an option line is a word and the rest of
 * the line, continued on the next line after a trailing backslash; {@code #} starts a comment only
 * at the start of a line. The value of an option whose name names a secret ({@code wpa-psk},
 * {@code wpa-password}, {@code wireless-key1}…) is masked, also across continued lines (it then
 * becomes one line) and in a commented-out option.
 */
final class IfupdownMasker implements FormatMasker {

    private static final Pattern CONTINUATION = Pattern.compile("\\\\\\r?\\n[ \\t]*");

    @Override
    public String mask(String text) {
        TextEdits edits = new TextEdits(text);
        int at = 0;
        while (at < text.length()) {
            int start = skipBlanks(text, at, text.length());
            boolean comment = start < text.length() && text.charAt(start) == '#';
            int end = lineEnd(text, start);
            while (!comment && end < text.length() && endsWithBackslash(text, start, end)) {
                end = lineEnd(text, end + 1);
            }
            int keyStart = comment ? skipBlanks(text, start + 1, end) : start;
            int keyEnd = keyStart;
            while (keyEnd < end && !Character.isWhitespace(text.charAt(keyEnd))) {
                keyEnd++;
            }
            if (keyEnd > keyStart && SecretKeyNames.isSecret(text.substring(keyStart, keyEnd))) {
                maskValue(text, skipSpace(text, keyEnd, end), end, edits);
            }
            at = end + 1;
        }
        return edits.apply();
    }

    private static void maskValue(String text, int from, int to, TextEdits edits) {
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        String value = CONTINUATION.matcher(text.substring(from, to)).replaceAll("");
        String inner = MaskedValue.unquote(value);
        if (MaskToken.hides(inner)) {
            String quote = MaskedValue.quoted(value) ? value.substring(0, 1) : "";
            edits.replace(from, to, quote + MaskToken.of(inner) + quote);
        }
    }

    private static boolean endsWithBackslash(String text, int start, int end) {
        int last = end > start && text.charAt(end - 1) == '\r' ? end - 2 : end - 1;
        return last >= start && text.charAt(last) == '\\';
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    private static int skipBlanks(String text, int from, int to) {
        while (from < to && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    private static int skipSpace(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }
}
