package io.tandem.plan;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A file on a host as a probe read it: absent, or its mode, owner and bytes. The probe prints
 * {@code ABSENT}, or {@code MODE USER:GROUP} and the content in base64 on the next line, so no
 * content can be mistaken for the frame. Raw content may hold secrets: it stays in memory, for
 * placing and comparing; what is shown goes through the masker first.
 */
public record HostFileState(boolean exists, int mode, String owner, String content) {

    public static final HostFileState ABSENT = new HostFileState(false, 0, "", "");

    /** A read-only shell fragment printing the state of {@code quotedPath} (already shell-quoted). */
    public static String probe(String quotedPath) {
        return "f=" + quotedPath + "\n"
                + "if [ -f \"$f\" ] && [ ! -L \"$f\" ]; then stat -c '%a %U:%G' \"$f\" && base64 -w0 < \"$f\" && echo; "
                + "else echo ABSENT; fi";
    }

    public static Optional<HostFileState> parse(String output) {
        String[] lines = output.strip().split("\n", -1);
        if (lines.length == 1 && lines[0].equals("ABSENT")) {
            return Optional.of(ABSENT);
        }
        if (lines.length < 1 || lines.length > 2) {
            return Optional.empty();
        }
        String[] head = lines[0].split(" ");
        if (head.length != 2 || !head[0].matches("[0-7]{1,4}")) {
            return Optional.empty();
        }
        try {
            byte[] bytes = lines.length == 2 ? Base64.getDecoder().decode(lines[1].strip()) : new byte[0];
            return Optional.of(new HostFileState(true, Integer.parseInt(head[0], 8), head[1], new String(bytes, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    public Optional<String> existing() {
        return exists ? Optional.of(content) : Optional.empty();
    }
}
