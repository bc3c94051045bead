package io.tandem.facts.mask;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For files of no format Tandem knows (chrony.conf, /etc/hosts, ha.cf, modules lists…), which
 * should hold no secret: the ways secrets are commonly written, each masked wherever it appears on
 * a line — {@code shared-secret VALUE}, {@code IncomingUser NAME SECRET}, {@code N md5 KEY},
 * {@code "…password…": "VALUE"}, and {@code …password… = VALUE} or {@code …secret…: VALUE} lines,
 * also commented out.
 */
final class LinePatternMasker implements FormatMasker {

    // A value: double-quoted (with escapes), single-quoted, or one word / the rest of the line.
    private static final String QUOTED = "\"(?:[^\"\\\\\\n]|\\\\.)*\"|'[^'\\n]*'";

    private static final List<Pattern> RULES = List.of(
            Pattern.compile("(?i)\\bshared-secret[ \\t]+(?<v>" + QUOTED + "|[^\\s;]+(?=[ \\t]*;))"),
            Pattern.compile("(?im)^[ \\t]*(?:incominguser|outgoinguser)[ \\t]+\\S+[ \\t]+(?<v>" + QUOTED + "|\\S(?:[^\\n]*\\S)?)[ \\t]*$"),
            Pattern.compile("(?im)^[ \\t]*\\d+[ \\t]+(?:md5|sha1)[ \\t]+(?<v>\\S(?:[^\\n]*\\S)?)[ \\t]*$"),
            Pattern.compile("(?i)\"[^\"\\n]*(?:password|passwd|secret)[^\"\\n]*\"[ \\t]*:[ \\t]*(?<v>\"(?:[^\"\\\\\\n]|\\\\.)*\")"),
            Pattern.compile("(?im)^[ \\t]*[#;]?[ \\t]*[\\w.\\[\\]-]*(?:password|passwd|secret)[\\w.\\[\\]-]*[ \\t]*[=:][ \\t]*"
                    + "(?<v>" + QUOTED + "|\\S(?:[^\\n]*\\S)?)[ \\t]*$"));

    @Override
    public String mask(String text) {
        // Rule by rule on the text masked so far: a value one rule masked is a mask for the next ones.
        String masked = text;
        for (Pattern rule : RULES) {
            TextEdits edits = new TextEdits(masked);
            Matcher m = rule.matcher(masked);
            while (m.find()) {
                MaskedValue.replace(edits, masked, m.start("v"), m.end("v"));
            }
            masked = edits.apply();
        }
        return masked;
    }
}
