package io.tandem.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole file as it will be on a host once a rendered file is placed into what is there now:
 * the rendered text for a {@link Placement#WHOLE_FILE}, the existing file with Tandem's block
 * replaced or appended for a {@link Placement#MANAGED_BLOCK}, the existing file with each setting's
 * active line replaced (later duplicates dropped) or appended for {@link Placement#SETTINGS}.
 * Pure text; Review shows its difference to the host's file, and Apply is to write the same.
 */
public final class PlacedText {

    private PlacedText() {
    }

    /** {@code existing} is the host's file, empty when there is none. */
    public static String place(Placement placement, Optional<String> existing, String rendered) {
        if (existing.isEmpty() || placement == Placement.WHOLE_FILE) {
            return rendered;
        }
        return switch (placement) {
            case WHOLE_FILE -> rendered;
            case MANAGED_BLOCK -> block(existing.get(), rendered);
            case SETTINGS -> settings(existing.get(), rendered);
        };
    }

    private static String block(String existing, String block) {
        List<String> lines = lines(existing);
        int begin = lines.indexOf(Header.BEGIN_BLOCK);
        int end = begin < 0 ? -1 : lines.subList(begin, lines.size()).indexOf(Header.END_BLOCK);
        if (begin < 0 || end < 0) {
            return appended(existing, block);
        }
        List<String> out = new ArrayList<>(lines.subList(0, begin));
        out.addAll(lines(block));
        out.addAll(lines.subList(begin + end + 1, lines.size()));
        return join(out, existing.endsWith("\n") || begin + end + 1 == lines.size());
    }

    private static String settings(String existing, String rendered) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String line : lines(rendered)) {
            key(line).ifPresent(k -> wanted.put(k, line));
        }
        List<String> out = new ArrayList<>();
        for (String line : lines(existing)) {
            Optional<String> key = key(line);
            if (key.isEmpty() || !wanted.containsKey(key.get())) {
                out.add(line);
            } else if (wanted.get(key.get()) != null) {
                out.add(wanted.get(key.get()));
                wanted.put(key.get(), null);
            }
            // else: a later active line for a key already set would override it, so it goes.
        }
        List<String> missing = wanted.values().stream().filter(v -> v != null).toList();
        String merged = join(out, existing.isEmpty() || existing.endsWith("\n"));
        return missing.isEmpty() ? merged : appended(merged, join(missing, true));
    }

    /** The key of an active {@code key = value} line; comments and other lines have none. */
    private static Optional<String> key(String line) {
        String trimmed = line.strip();
        int eq = trimmed.indexOf('=');
        if (trimmed.isEmpty() || trimmed.startsWith("#") || eq <= 0) {
            return Optional.empty();
        }
        return Optional.of(trimmed.substring(0, eq).strip());
    }

    private static String appended(String existing, String addition) {
        return existing.isEmpty() || existing.endsWith("\n") ? existing + addition : existing + "\n" + addition;
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        return List.of((text.endsWith("\n") ? text.substring(0, text.length() - 1) : text).split("\n", -1));
    }

    private static String join(List<String> lines, boolean finalNewline) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + (finalNewline ? "\n" : "");
    }
}
