package io.tandem.facts.mask;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /etc/fstab}: fields separated by blanks, the fourth a comma-separated option list. The
 * value of an option whose name names a secret (CIFS {@code password=} and {@code pass=}) is masked;
 * in such a value a doubled comma is a comma of the password, as the kernel's CIFS client reads it.
 * A password in a URL-style source ({@code https://user:password@host/}) is masked too, and
 * commented-out entries are read like live ones. ({@code credentials=} names a file: it stays.)
 */
final class FstabMasker implements FormatMasker {

    private static final Pattern LINE = Pattern.compile("(?m)^[^\\n]*");
    private static final Pattern URL_PASSWORD = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/@:\\s]*:(?<password>[^@\\s/]*)@");

    @Override
    public String mask(String text) {
        TextEdits edits = new TextEdits(text);
        Matcher line = LINE.matcher(text);
        while (line.find()) {
            int start = line.start();
            int end = line.end();
            int at = skipBlanks(text, start, end);
            if (at < end && text.charAt(at) == '#') {
                at = skipBlanks(text, at + 1, end);
            }
            List<int[]> fields = fields(text, at, end);
            if (fields.isEmpty()) {
                continue;
            }
            Matcher url = URL_PASSWORD.matcher(text.substring(fields.getFirst()[0], fields.getFirst()[1]));
            if (url.find() && MaskToken.hides(url.group("password"))) {
                int from = fields.getFirst()[0] + url.start("password");
                edits.replace(from, from + url.group("password").length(), MaskToken.of(url.group("password")));
            }
            if (fields.size() >= 4) {
                maskOptions(text, fields.get(3)[0], fields.get(3)[1], edits);
            }
        }
        return edits.apply();
    }

    private static void maskOptions(String text, int from, int to, TextEdits edits) {
        int i = from;
        while (i < to) {
            int nameEnd = i;
            while (nameEnd < to && text.charAt(nameEnd) != '=' && text.charAt(nameEnd) != ',') {
                nameEnd++;
            }
            if (nameEnd >= to || text.charAt(nameEnd) == ',') {
                i = nameEnd + 1;
                continue;
            }
            boolean secret = SecretKeyNames.isSecret(text.substring(i, nameEnd));
            int valueStart = nameEnd + 1;
            int j = valueStart;
            StringBuilder value = new StringBuilder();
            while (j < to) {
                char c = text.charAt(j);
                if (c == ',') {
                    if (secret && j + 1 < to && text.charAt(j + 1) == ',') {
                        value.append(',');
                        j += 2;
                        continue;
                    }
                    break;
                }
                value.append(c);
                j++;
            }
            if (secret && MaskToken.hides(value.toString())) {
                edits.replace(valueStart, j, MaskToken.of(value.toString()));
            }
            i = j + 1;
        }
    }

    private static List<int[]> fields(String text, int from, int to) {
        List<int[]> fields = new ArrayList<>();
        int i = from;
        while (i < to) {
            i = skipBlanks(text, i, to);
            int start = i;
            while (i < to && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                fields.add(new int[] {start, i});
            }
        }
        return fields;
    }

    private static int skipBlanks(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }
}
