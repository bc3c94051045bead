package io.tandem.facts;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * A command's JSON output, read field by field. The same field is a number in one util-linux or
 * iproute2 release and a string in another ({@code "size": 4096} vs {@code "size": "4096"},
 * {@code "rota": true} vs {@code "rota": "1"}), so fields are read by meaning, not by JSON type.
 */
final class JsonOutput {

    /**
     * iproute2 writes a NIC name's control characters into its JSON raw (an ESC in a name arrives
     * as the byte 0x1b inside the string), which strict JSON refuses: accepted here, so one hostile
     * name does not hide every NIC, and escaped with the rest of the host's text afterwards.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    private JsonOutput() {
    }

    static JsonNode read(String fact, String output) throws FactParseException {
        if (output == null || output.isBlank()) {
            throw new FactParseException(fact, "empty output");
        }
        try {
            return MAPPER.readTree(output);
        } catch (JacksonException e) {
            throw new FactParseException(fact, "not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** The array under {@code field} of an object, or a clear error naming what was expected. */
    static JsonNode array(String fact, JsonNode root, String field) throws FactParseException {
        JsonNode array = root.isObject() ? root.get(field) : null;
        if (array == null || !array.isArray()) {
            throw new FactParseException(fact, "expected an object with '" + field + "'");
        }
        return array;
    }

    /** Text without surrounding blanks (lsblk pads SCSI vendor and revision), or null when absent, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    static String requiredText(String fact, JsonNode node, String field) throws FactParseException {
        String text = text(node, field);
        if (text == null) {
            throw new FactParseException(fact, "an entry without '" + field + "'");
        }
        return text;
    }

    /** A whole number written as a JSON number or as a decimal string; null when absent or null. */
    static Long number(String fact, JsonNode node, String field) throws FactParseException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.textValue().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new FactParseException(fact, "'" + field + "' is not a whole number: " + value);
    }

    static long requiredNumber(String fact, JsonNode node, String field) throws FactParseException {
        Long number = number(fact, node, field);
        if (number == null) {
            throw new FactParseException(fact, "an entry without '" + field + "'");
        }
        return number;
    }

    static int requiredInt(String fact, JsonNode node, String field) throws FactParseException {
        long number = requiredNumber(fact, node, field);
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new FactParseException(fact, "'" + field + "' is out of range: " + number);
        }
        return (int) number;
    }

    /** A flag written as a JSON boolean, as {@code "0"}/{@code "1"} or as {@code "true"}/{@code "false"}; absent is false. */
    static boolean flag(String fact, JsonNode node, String field) throws FactParseException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText().strip();
        return switch (text) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new FactParseException(fact, "'" + field + "' is not a yes/no value: " + value);
        };
    }

    /** The non-null strings of an array field; lsblk writes {@code "mountpoints": [null]} for "none". */
    static List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        List<String> strings = new ArrayList<>();
        if (value != null && value.isArray()) {
            for (JsonNode element : value) {
                if (element.isValueNode() && !element.isNull() && !element.asText().isBlank()) {
                    strings.add(element.asText());
                }
            }
        }
        return strings;
    }
}
