package io.tandem.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Where in a project file something went wrong: line, column and JSON path, taken from the
 * parser's position, never from the text there (which may be a secret).
 */
record FileLocation(int line, int column, String path) {

    /** Field names shown in a path; any other name (control characters, quotes, very long) shows as '?'. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    static FileLocation of(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        int line = location == null ? -1 : location.getLineNr();
        int column = location == null ? -1 : location.getColumnNr();
        String path = e.getProcessor() instanceof JsonParser parser ? path(parser.getParsingContext()) : "$";
        return new FileLocation(line, column, path);
    }

    /** " (line 3, column 14)", or nothing when the parser did not know. */
    String describe() {
        return line < 1 ? "" : " (line " + line + ", column " + column + ")";
    }

    /** The path of the value the parser was reading: the innermost field or array element it had entered. */
    static String path(JsonStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                steps.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                steps.push("." + name(c.getCurrentName()));
            }
        }
        return "$" + String.join("", steps);
    }

    static String name(String field) {
        return PLAIN_NAME.matcher(field).matches() ? field : "?";
    }
}
