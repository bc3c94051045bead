package io.tandem.failover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The hand-built VM lab's failover captures (fixtures/vmlab/README.md): probe logs and journal timelines, November 2026, UTC. */
final class Fixtures {

    static final Path DIR = Path.of("src/test/resources/fixtures/vmlab");

    private Fixtures() {
    }

    static String text(String name) {
        try {
            return Files.readString(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProbeLog probe(String name) {
        return ProbeLog.parse(text(name));
    }

    /** A timeline file: sections headed "== HOST", or one host's lines. */
    static List<ClusterLog.Entry> journal(String name, String defaultHost) {
        List<ClusterLog.Entry> all = new ArrayList<>();
        String host = defaultHost;
        StringBuilder section = new StringBuilder();
        for (String line : text(name).split("\n")) {
            if (line.startsWith("== ")) {
                all.addAll(ClusterLog.parse(section.toString(), host, 2026, ZoneOffset.UTC));
                section.setLength(0);
                host = line.substring(3).strip();
            } else {
                section.append(line).append('\n');
            }
        }
        all.addAll(ClusterLog.parse(section.toString(), host, 2026, ZoneOffset.UTC));
        return all;
    }

    /** Epoch seconds of a time on 25 November 2026 (UTC), the day of the hand-built lab's failovers. */
    static double nov25(String hhmmss) {
        var instant = java.time.LocalDateTime.parse("2026-11-25T" + hhmmss).toInstant(ZoneOffset.UTC);
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
