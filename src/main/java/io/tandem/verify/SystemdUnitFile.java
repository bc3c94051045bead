package io.tandem.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A systemd-style INI file (.network, .netdev) as systemd reads it: sections, which may repeat
 * ({@code [Route]}), of {@code Key=Value} lines; {@code #} and {@code ;} start comments.
 */
record SystemdUnitFile(List<Section> sections) {

    record Section(String name, List<String[]> entries) {

        Optional<String> value(String key) {
            String found = null;
            for (String[] entry : entries) {
                if (entry[0].equals(key)) {
                    found = entry[1]; // the last assignment wins
                }
            }
            return Optional.ofNullable(found);
        }

        List<String> values(String key) {
            return entries.stream().filter(e -> e[0].equals(key)).map(e -> e[1]).toList();
        }
    }

    static SystemdUnitFile parse(String text) {
        List<Section> sections = new ArrayList<>();
        Section current = null;
        for (String raw : text.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new Section(line.substring(1, line.length() - 1), new ArrayList<>());
                sections.add(current);
                continue;
            }
            int eq = line.indexOf('=');
            if (current == null || eq <= 0) {
                throw new IllegalArgumentException("not a systemd unit line: " + line);
            }
            current.entries().add(new String[] {line.substring(0, eq).strip(), line.substring(eq + 1).strip()});
        }
        return new SystemdUnitFile(sections);
    }

    List<Section> all(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).toList();
    }

    Optional<String> value(String section, String key) {
        Optional<String> found = Optional.empty();
        for (Section s : all(section)) {
            Optional<String> v = s.value(key);
            if (v.isPresent()) {
                found = v;
            }
        }
        return found;
    }

    /** A systemd time span such as {@code 200ms}, {@code 1s} or {@code 1s 500ms}, in milliseconds; null when unreadable. */
    static Integer milliseconds(String span) {
        if (span == null) {
            return null;
        }
        String text = span.strip();
        long total = 0;
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*(msec|ms|usec|us|sec|s|min|m)?\\s*").matcher(text);
        int end = 0;
        while (end < text.length() && m.region(end, text.length()).lookingAt()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            total += switch (unit) {
                case "ms", "msec" -> n;
                case "us", "usec" -> n / 1000;
                case "min", "m" -> n * 60_000;
                default -> n * 1000;
            };
            end = m.end();
        }
        return end == text.length() && end > 0 ? Math.toIntExact(total) : null;
    }
}
