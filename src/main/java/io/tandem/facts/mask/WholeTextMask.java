package io.tandem.facts.mask;

/**
 * The fail-safe: a file that cannot be read as its format is shown with every line masked (each
 * line's indentation kept, so its shape stays), rather than risking a secret the reading missed.
 */
final class WholeTextMask implements FormatMasker {

    @Override
    public String mask(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        while (at < text.length()) {
            int newline = text.indexOf('\n', at);
            int end = newline < 0 ? text.length() : newline;
            int lineEnd = end > at && text.charAt(end - 1) == '\r' ? end - 1 : end;
            int content = at;
            while (content < lineEnd && (text.charAt(content) == ' ' || text.charAt(content) == '\t')) {
                content++;
            }
            String line = text.substring(content, lineEnd).strip();
            out.append(text, at, content).append(MaskToken.hides(line) ? MaskToken.of(line) : line).append(text, lineEnd, end);
            if (newline >= 0) {
                out.append('\n');
            }
            at = newline < 0 ? text.length() : newline + 1;
        }
        return out.toString();
    }
}
