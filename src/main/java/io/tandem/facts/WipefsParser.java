package io.tandem.facts;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.text.ShellQuote;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code wipefs -n -J DEVICE} ({@code -n}: look, never erase). A blank device gives
 * {@code {"signatures": []}} with util-linux 2.38 and no output at all with some older releases;
 * both mean "nothing found".
 */
public final class WipefsParser {

    public static final String FACT = "wipefs -n -J";

    private WipefsParser() {
    }

    public static String command(String devicePath) {
        return "wipefs -n -J " + ShellQuote.quote(devicePath);
    }

    public static List<Signature> parse(String output) throws FactParseException {
        if (output.isBlank()) {
            return List.of();
        }
        JsonNode signatures = JsonOutput.array(FACT, JsonOutput.read(FACT, output), "signatures");
        List<Signature> found = new ArrayList<>();
        for (JsonNode signature : signatures) {
            if (!signature.isObject()) {
                throw new FactParseException(FACT, "expected an object per signature, got " + signature);
            }
            found.add(new Signature(
                    JsonOutput.requiredText(FACT, signature, "device"),
                    offset(JsonOutput.requiredText(FACT, signature, "offset")),
                    JsonOutput.requiredText(FACT, signature, "type"),
                    JsonOutput.text(signature, "uuid"),
                    JsonOutput.text(signature, "label")));
        }
        return List.copyOf(found);
    }

    /** wipefs prints offsets in hex ({@code "0x438"}). */
    private static long offset(String text) throws FactParseException {
        try {
            return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new FactParseException(FACT, "offset is not a number: " + text, e);
        }
    }
}
