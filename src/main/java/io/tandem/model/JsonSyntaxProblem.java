package io.tandem.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;

import java.util.List;

/**
 * A project file that is not JSON, as a problem that names line, column and JSON path and the kind
 * of mistake, but never the text at that place: a secret typed without quotes
 * ({@code "secret": rK8v…}) is exactly such a mistake, and Jackson's own message would quote it
 * ({@code Unrecognized token 'rK8v…'}). Jackson's message is only used to tell the kinds apart.
 */
final class JsonSyntaxProblem {

    private record Kind(String messageStart, String what, String fix) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("Unrecognized token", "a value is neither quoted text nor a number, true, false or null",
                    "Put text in double quotes (\"like this\")."),
            new Kind("Unexpected character", "a character that does not belong there",
                    "Look for a missing or extra comma, colon, quote or brace; text goes in double quotes."),
            new Kind("Unexpected close marker", "a closing brace or bracket that does not match the one it closes",
                    "Make each '{' end with '}' and each '[' with ']'."),
            new Kind("Illegal unquoted character", "a control character such as a line break or tab inside quoted text",
                    "Keep quoted text on one line, without tabs."),
            new Kind("Unrecognized character escape", "a backslash inside quoted text that starts no known escape",
                    "Write a backslash as \\\\, or remove it."),
            new Kind("Invalid numeric value", "a malformed number", "Write whole numbers as digits only, e.g. 3260."),
            new Kind("Numeric value", "a number out of range", "Use a smaller number."),
            new Kind("Leading zeroes", "a number with leading zeroes", "Remove the leading zeroes."),
            new Kind("Duplicate field", "the same field twice in one object", "Keep one of the two."),
            new Kind("Trailing token", "more text after the project's closing brace", "Remove what follows the last '}'."));

    private JsonSyntaxProblem() {
    }

    static Problem of(JsonProcessingException e, String otherwise) {
        FileLocation at = FileLocation.of(e);
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof JsonEOFException || original.startsWith("Unexpected end-of-input")) {
            return Problem.error(at.path(), "the file is not valid JSON: it ends too early" + at.describe() + ".",
                    "Close every open quote, '{' and '['; a file cut short on saving looks like this.");
        }
        for (Kind kind : KINDS) {
            if (original.startsWith(kind.messageStart())) {
                return Problem.error(at.path(), "the file is not valid JSON: " + kind.what() + at.describe() + ".", kind.fix());
            }
        }
        return Problem.error(at.path(), "the file is not valid JSON" + at.describe() + ".", otherwise);
    }
}
