package io.tandem.facts.mask;

import java.util.ArrayList;
import java.util.List;

/**
 * DRBD's configuration ({@code drbd.conf}, {@code drbd.d/*.res}, {@code global_common.conf}) read
 * with the tokens of drbdadm's scanner: words, double-quoted strings with backslash escapes (never
 * across a line), {@code { } ;} and {@code #} comments to the end of the line. A statement runs
 * from its keyword to {@code ;}, so the value of {@code shared-secret} is masked wherever it stands:
 * on the keyword's line or the next, quoted or bare, after a comment. Comments inside such a
 * statement are masked too (a bare secret holding {@code #} would continue in one), and a
 * commented-out statement ({@code # shared-secret "x";}) is read like a live one.
 */
final class DrbdConfigMasker implements FormatMasker {

    private enum Kind { WORD, STRING, PUNCTUATION, COMMENT }

    private record Token(Kind kind, int start, int end) {
    }

    @Override
    public String mask(String text) throws UnreadableText {
        TextEdits edits = new TextEdits(text);
        maskStatements(text, tokens(text, 0, text.length()), edits, true);
        return edits.apply();
    }

    /**
     * Masks every token after a secret keyword up to the statement's end. In a comment
     * ({@code live == false}) a bare word counts as a value only when {@code ;} follows it, so the
     * list of option names in drbd's stock comments stays readable.
     */
    private void maskStatements(String text, List<Token> tokens, TextEdits edits, boolean live) throws UnreadableText {
        boolean statementStart = true;
        boolean secret = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            switch (token.kind()) {
                case PUNCTUATION -> {
                    statementStart = true;
                    secret = false;
                }
                case COMMENT -> {
                    if (secret) {
                        MaskedValue.replace(edits, text, contentStart(text, token.start() + 1, token.end()), token.end());
                    } else if (live) {
                        maskComment(text, token, edits);
                    }
                }
                case WORD, STRING -> {
                    if (statementStart) {
                        statementStart = false;
                        secret = token.kind() == Kind.WORD && SecretKeyNames.isSecret(text.substring(token.start(), token.end()));
                    } else if (secret && (live || token.kind() == Kind.STRING || endsStatement(tokens, i + 1))) {
                        maskValue(text, token, edits);
                    }
                }
            }
        }
    }

    private void maskComment(String text, Token comment, TextEdits edits) throws UnreadableText {
        List<Token> inside;
        try {
            inside = tokens(text, comment.start() + 1, comment.end());
        } catch (UnreadableText e) {
            // Prose with a stray quote: mask what follows a secret's name, if one is named.
            String body = text.substring(comment.start() + 1, comment.end());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[\\w-]+").matcher(body);
            while (m.find()) {
                if (SecretKeyNames.isSecret(m.group())) {
                    int from = contentStart(text, comment.start() + 1 + m.end(), comment.end());
                    if (from < comment.end()) {
                        edits.replace(from, comment.end(), MaskToken.of(text.substring(from, comment.end())));
                    }
                    return;
                }
            }
            return;
        }
        maskStatements(text, inside, edits, false);
    }

    private static boolean endsStatement(List<Token> tokens, int next) {
        return next < tokens.size() && tokens.get(next).kind() == Kind.PUNCTUATION;
    }

    private static void maskValue(String text, Token token, TextEdits edits) {
        if (token.kind() == Kind.STRING) {
            String value = text.substring(token.start() + 1, token.end() - 1).replaceAll("\\\\(.)", "$1");
            if (MaskToken.hides(value)) {
                edits.replace(token.start() + 1, token.end() - 1, MaskToken.of(value));
            }
        } else {
            MaskedValue.replace(edits, text, token.start(), token.end());
        }
    }

    private static int contentStart(String text, int from, int end) {
        while (from < end && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    /** The tokens of {@code [from, to)}; an unterminated string (drbdadm's error too) makes the text unreadable. */
    private static List<Token> tokens(String text, int from, int to) throws UnreadableText {
        List<Token> tokens = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                int end = text.indexOf('\n', i);
                end = end < 0 || end > to ? to : end;
                tokens.add(new Token(Kind.COMMENT, i, end));
                i = end;
            } else if (c == '{' || c == '}' || c == ';') {
                tokens.add(new Token(Kind.PUNCTUATION, i, i + 1));
                i++;
            } else if (c == '"') {
                int j = i + 1;
                while (j < to && text.charAt(j) != '"' && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' && j + 1 < to && text.charAt(j + 1) != '\n' ? 2 : 1;
                }
                if (j >= to || text.charAt(j) != '"') {
                    throw new UnreadableText("a DRBD string is not closed on its line");
                }
                tokens.add(new Token(Kind.STRING, i, j + 1));
                i = j + 1;
            } else {
                int j = i;
                while (j < to && !Character.isWhitespace(text.charAt(j)) && "{};\"#".indexOf(text.charAt(j)) < 0) {
                    j++;
                }
                tokens.add(new Token(Kind.WORD, i, j));
                i = j;
            }
        }
        return tokens;
    }
}
