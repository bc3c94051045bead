package io.tandem.facts.mask;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A POSIX shell script ({@code pcs-commands.sh}, {@code /etc/default/*}) split into words as the
 * shell splits them: single and double quotes, backslashes, line continuations, {@code $(…)} and
 * backquotes, comments, operators and here-documents. A word {@code NAME=VALUE} (an argument such
 * as pcs's {@code password=…} or an assignment) whose name names a secret becomes
 * {@code NAME=MASK}, quoted as the word was, however its value was quoted or continued; the word
 * after an option such as {@code --password} is masked; a here-document's body (it can be fed to a
 * command as a secret) is masked as XML when it is XML, else every line of it; {@code NAME=VALUE}
 * in a comment is masked too.
 * An unterminated quote or here-document makes the text unreadable.
 */
final class ShellScriptMasker implements FormatMasker {

    private static final Pattern ASSIGNMENT = Pattern.compile("(?s)(-{0,2}[A-Za-z_][A-Za-z0-9_.-]*)=(.*)");
    private static final Pattern OPTION = Pattern.compile("--?([A-Za-z_][A-Za-z0-9_.-]*)");
    private static final Pattern COMMENTED = Pattern.compile("(-{0,2}[A-Za-z_][\\w.-]*)=('[^'\\n]*'|\"[^\"\\n]*\"|[^\\s]+)");

    private static final XmlMasker XML = new XmlMasker();

    private record Word(int start, int end, String value) {
    }

    private record HereDocument(String delimiter, boolean stripTabs) {
    }

    @Override
    public String mask(String text) throws UnreadableText {
        return new Reading(text).read();
    }

    /** One pass over one script. */
    private static final class Reading {
        private final String text;
        private final TextEdits edits;
        private final List<HereDocument> pending = new ArrayList<>();
        private Word previous;

        Reading(String text) {
            this.text = text;
            this.edits = new TextEdits(text);
        }

        String read() throws UnreadableText {
            int i = 0;
            int n = text.length();
            while (i < n) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\r') {
                    i++;
                } else if (c == '\n') {
                    previous = null;
                    i = hereDocuments(i + 1);
                } else if (c == '\\' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i += 2;
                } else if (c == '#') {
                    int end = text.indexOf('\n', i);
                    end = end < 0 ? n : end;
                    maskComment(i + 1, end);
                    i = end;
                } else if (text.startsWith("<<", i) && !text.startsWith("<<<", i)) {
                    i = hereDocumentStart(i + 2);
                } else if (";&|()<>".indexOf(c) >= 0) {
                    previous = null;
                    i++;
                } else {
                    Word word = word(i);
                    maskWord(word);
                    previous = word;
                    i = word.end();
                }
            }
            if (!pending.isEmpty()) {
                throw new UnreadableText("a here-document is not closed");
            }
            return edits.apply();
        }

        private void maskWord(Word word) {
            Matcher assignment = ASSIGNMENT.matcher(word.value());
            if (assignment.matches()) {
                String name = assignment.group(1);
                String value = assignment.group(2);
                if (SecretKeyNames.isSecret(name.replaceFirst("^-+", "")) && MaskToken.hides(value)) {
                    edits.replace(word.start(), word.end(), rewritten(word, name, MaskToken.of(value)));
                }
                return;
            }
            if (previous != null) {
                Matcher option = OPTION.matcher(previous.value());
                if (option.matches() && SecretKeyNames.isSecret(option.group(1)) && MaskToken.hides(word.value())) {
                    String source = text.substring(word.start(), word.end());
                    String quote = source.startsWith("'") || source.startsWith("\"") ? source.substring(0, 1) : "";
                    edits.replace(word.start(), word.end(), quote + MaskToken.of(word.value()) + quote);
                }
            }
        }

        /** {@code NAME=MASK} quoted as the word was: {@code 'NAME=MASK'}, {@code NAME="MASK"} or bare. */
        private String rewritten(Word word, String name, String mask) {
            String source = text.substring(word.start(), word.end());
            char first = source.charAt(0);
            if (first == '\'' || first == '"') {
                return first + name + "=" + mask + first;
            }
            if (source.startsWith(name + "=") && source.length() > name.length() + 1) {
                char quote = source.charAt(name.length() + 1);
                if (quote == '\'' || quote == '"') {
                    return name + "=" + quote + mask + quote;
                }
            }
            return name + "=" + mask;
        }

        private void maskComment(int from, int to) {
            Matcher m = COMMENTED.matcher(text).region(from, to);
            while (m.find()) {
                if (SecretKeyNames.isSecret(m.group(1).replaceFirst("^-+", ""))) {
                    MaskedValue.replace(edits, text, m.start(2), m.end(2));
                }
            }
        }

        /** One word from {@code i}: its source span and its value with quotes and escapes undone. */
        private Word word(int i) throws UnreadableText {
            StringBuilder value = new StringBuilder();
            int n = text.length();
            int j = i;
            while (j < n) {
                char c = text.charAt(j);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || ";&|()<>".indexOf(c) >= 0) {
                    break;
                }
                if (c == '\\') {
                    if (j + 1 < n && text.charAt(j + 1) != '\n') {
                        value.append(text.charAt(j + 1));
                    }
                    j += 2;
                } else if (c == '\'') {
                    int close = text.indexOf('\'', j + 1);
                    if (close < 0) {
                        throw new UnreadableText("a single quote is not closed");
                    }
                    value.append(text, j + 1, close);
                    j = close + 1;
                } else if (c == '"') {
                    j = doubleQuoted(j + 1, value);
                } else if (c == '$' && j + 1 < n && text.charAt(j + 1) == '(') {
                    j = substitution(j, value);
                } else if (c == '`') {
                    j = backquoted(j, value);
                } else {
                    value.append(c);
                    j++;
                }
            }
            return new Word(i, Math.min(j, n), value.toString());
        }

        /** From just inside a double quote to just after its end; backslash escapes only {@code $ ` " \} and newlines. */
        private int doubleQuoted(int j, StringBuilder value) throws UnreadableText {
            int n = text.length();
            while (j < n) {
                char c = text.charAt(j);
                if (c == '"') {
                    return j + 1;
                }
                if (c == '\\' && j + 1 < n) {
                    char next = text.charAt(j + 1);
                    if (next != '\n') {
                        value.append("$`\"\\".indexOf(next) >= 0 ? String.valueOf(next) : "\\" + next);
                    }
                    j += 2;
                } else if (c == '$' && j + 1 < n && text.charAt(j + 1) == '(') {
                    j = substitution(j, value);
                } else if (c == '`') {
                    j = backquoted(j, value);
                } else {
                    value.append(c);
                    j++;
                }
            }
            throw new UnreadableText("a double quote is not closed");
        }

        /** {@code $(…)} from its {@code $}, nested quotes and parentheses included; its text is kept as it is. */
        private int substitution(int start, StringBuilder value) throws UnreadableText {
            int depth = 0;
            int j = start + 1;
            StringBuilder ignored = new StringBuilder();
            while (j < text.length()) {
                char c = text.charAt(j);
                if (c == '(') {
                    depth++;
                    j++;
                } else if (c == ')') {
                    depth--;
                    j++;
                    if (depth == 0) {
                        value.append(text, start, j);
                        return j;
                    }
                } else if (c == '\'') {
                    int close = text.indexOf('\'', j + 1);
                    if (close < 0) {
                        throw new UnreadableText("a single quote is not closed");
                    }
                    j = close + 1;
                } else if (c == '"') {
                    j = doubleQuoted(j + 1, ignored);
                } else if (c == '\\') {
                    j += 2;
                } else {
                    j++;
                }
            }
            throw new UnreadableText("a command substitution is not closed");
        }

        private int backquoted(int start, StringBuilder value) throws UnreadableText {
            int j = start + 1;
            while (j < text.length() && text.charAt(j) != '`') {
                j += text.charAt(j) == '\\' ? 2 : 1;
            }
            if (j >= text.length()) {
                throw new UnreadableText("a backquote is not closed");
            }
            value.append(text, start, j + 1);
            return j + 1;
        }

        /** After {@code <<}: the delimiter word (quotes removed), read as a word; its body starts at the next line. */
        private int hereDocumentStart(int i) throws UnreadableText {
            boolean stripTabs = i < text.length() && text.charAt(i) == '-';
            int j = stripTabs ? i + 1 : i;
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            Word delimiter = word(j);
            if (delimiter.value().isEmpty()) {
                throw new UnreadableText("a here-document without a delimiter");
            }
            pending.add(new HereDocument(delimiter.value(), stripTabs));
            return delimiter.end();
        }

        /** Masks the bodies of the here-documents started on the line that ended before {@code i}; returns where the script goes on. */
        private int hereDocuments(int i) throws UnreadableText {
            for (HereDocument document : pending) {
                int bodyStart = i;
                List<int[]> lines = new ArrayList<>();
                while (true) {
                    if (i >= text.length()) {
                        throw new UnreadableText("a here-document is not closed");
                    }
                    int newline = text.indexOf('\n', i);
                    int end = newline < 0 ? text.length() : newline;
                    String line = text.substring(i, end);
                    String compared = document.stripTabs() ? line.replaceFirst("^\\t+", "") : line;
                    if (compared.equals(document.delimiter()) || compared.equals(document.delimiter() + "\r")) {
                        maskBody(bodyStart, i, lines);
                        i = newline < 0 ? end : end + 1;
                        break;
                    }
                    lines.add(new int[] {i, end});
                    i = newline < 0 ? end : end + 1;
                }
            }
            pending.clear();
            return i;
        }

        /**
         * A here-document's body is fed to a command, which may take it as a secret: an XML body (pcs-commands.sh hands
         * cibadmin its passwords as nvpairs) is masked as XML, so only the secret values go; any other body line by line.
         */
        private void maskBody(int start, int end, List<int[]> lines) {
            String body = text.substring(start, end);
            if (body.strip().startsWith("<")) {
                try {
                    String masked = XML.mask(body);
                    if (!masked.equals(body)) {
                        edits.replace(start, end, masked);
                    }
                    return;
                } catch (UnreadableText notXml) {
                    // masked line by line below
                }
            }
            for (int[] line : lines) {
                int content = line[0];
                while (content < line[1] && (text.charAt(content) == ' ' || text.charAt(content) == '\t')) {
                    content++;
                }
                String value = text.substring(content, line[1]).strip();
                if (MaskToken.hides(value)) {
                    edits.replace(content, content + text.substring(content, line[1]).stripTrailing().length(), MaskToken.of(value));
                }
            }
        }
    }
}
