package io.tandem.facts;

import java.util.LinkedHashMap;
import java.util.Map;

/** Output that a loop printed as blocks, each after a header line {@code HEADER NAME}: the blocks by name, in order. */
public final class FramedSections {

    private FramedSections() {
    }

    public static Map<String, String> split(String text, String header) {
        Map<String, String> blocks = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(header)) {
                if (name != null) {
                    blocks.put(name, body.toString());
                }
                name = line.substring(header.length()).strip();
                body.setLength(0);
            } else if (name != null) {
                body.append(line).append('\n');
            }
        }
        if (name != null) {
            blocks.put(name, body.toString());
        }
        return blocks;
    }
}
