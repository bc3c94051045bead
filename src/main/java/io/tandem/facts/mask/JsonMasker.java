package io.tandem.facts.mask;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * JSON (targetcli's {@code saveconfig.json}) read by Jackson's streaming parser, which gives each
 * value's place in the text: a string or number under a field that names a secret
 * ({@code chap_password}, {@code chap_mutual_password}, or anything inside such a field's object or
 * array) is replaced by its mask in quotes, however the value is spaced, broken over lines or
 * escaped; the rest of the text is not touched.
 */
final class JsonMasker implements FormatMasker {

    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public String mask(String text) throws UnreadableText {
        TextEdits edits = new TextEdits(text);
        // Per open object or array: whether it lies under a secret's name, and (objects) whether the field being read names one.
        Deque<Boolean> secretScope = new ArrayDeque<>();
        Deque<Boolean> secretField = new ArrayDeque<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                boolean secret = !secretScope.isEmpty() && (secretScope.peek() || Boolean.TRUE.equals(secretField.peek()));
                switch (token) {
                    case FIELD_NAME -> {
                        secretField.pop();
                        secretField.push(SecretKeyNames.isSecret(parser.currentName()));
                    }
                    case START_OBJECT, START_ARRAY -> {
                        secretScope.push(secret);
                        secretField.push(false);
                    }
                    case END_OBJECT, END_ARRAY -> {
                        secretScope.pop();
                        secretField.pop();
                    }
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                        if (secret) {
                            maskValue(text, parser, edits);
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableText("not JSON");
        }
        return edits.apply();
    }

    private static void maskValue(String text, JsonParser parser, TextEdits edits) throws IOException, UnreadableText {
        String value = parser.getText();
        int start = (int) parser.currentTokenLocation().getCharOffset();
        int end = (int) parser.currentLocation().getCharOffset();
        boolean string = parser.currentToken() == JsonToken.VALUE_STRING;
        if (start < 0 || end > text.length() || end <= start || (string && (text.charAt(start) != '"' || text.charAt(end - 1) != '"'))) {
            throw new UnreadableText("a JSON value's place is unknown");
        }
        if (MaskToken.hides(value)) {
            edits.replace(start, end, "\"" + MaskToken.of(value) + "\"");
        }
    }
}
