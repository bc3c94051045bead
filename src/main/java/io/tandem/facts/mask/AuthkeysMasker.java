package io.tandem.facts.mask;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heartbeat's {@code authkeys}: {@code auth N}, then {@code N METHOD [KEY]} lines; the key (the
 * rest of the line) is masked, in a commented-out line as well. Any other line is not what the
 * format allows and is masked whole: the file exists only to hold keys.
 */
final class AuthkeysMasker implements FormatMasker {

    private static final Pattern LINE = Pattern.compile("(?m)^[^\\n]*");
    private static final Pattern AUTH = Pattern.compile("[ \\t]*auth[ \\t]+\\d+[ \\t\\r]*");
    private static final Pattern KEY = Pattern.compile("[ \\t]*(?<comment>#[ \\t]*)?\\d+[ \\t]+\\S+(?:[ \\t]+(?<key>.*?))?[ \\t\\r]*");

    @Override
    public String mask(String text) {
        TextEdits edits = new TextEdits(text);
        Matcher line = LINE.matcher(text);
        while (line.find()) {
            String content = line.group();
            Matcher key = KEY.matcher(content);
            if (key.matches()) {
                if (key.group("key") != null) {
                    MaskedValue.replace(edits, text, line.start() + key.start("key"), line.start() + key.end("key"));
                }
            } else if (!content.isBlank() && !content.strip().startsWith("#") && !AUTH.matcher(content).matches()) {
                String stripped = content.strip();
                int from = line.start() + content.indexOf(stripped);
                if (MaskToken.hides(stripped)) {
                    edits.replace(from, from + stripped.length(), MaskToken.of(stripped));
                }
            }
        }
        return edits.apply();
    }
}
