package io.tandem.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.files.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * When each node was last seen Primary for a DRBD resource and last seen serving iSCSI sessions:
 * what the split-brain dialog tells the operator about each side ("node2 was last Primary at …").
 * DRBD itself does not keep this, so the monitor records it from its rounds, in the project's
 * state folder. The file is written when a side stops being Primary or serving (rarely) and on
 * close, not every round.
 */
public final class SideHistory {

    /** The file's content: last times by "node/resource" (Primary) and by node (serving). */
    record Times(TreeMap<String, Instant> primary, TreeMap<String, Instant> serving) {
        Times {
            primary = primary == null ? new TreeMap<>() : primary;
            serving = serving == null ? new TreeMap<>() : serving;
        }
    }

    private static final ObjectMapper JSON = HistoryJson.MAPPER;

    private final Path file;
    private final Times times;
    /** What was true at the last round, to see it end. */
    private final Set<String> current = new HashSet<>();

    /** {@code file}: where it is kept, or null for memory only. */
    public SideHistory(Path file) {
        this.file = file;
        this.times = read(file);
    }

    private static Times read(Path file) {
        try {
            return file != null && Files.isRegularFile(file) ? JSON.readValue(file.toFile(), Times.class) : new Times(null, null);
        } catch (IOException | RuntimeException e) {
            return new Times(null, null); // history for a dialog, not data: an unreadable file starts it afresh
        }
    }

    synchronized void observe(ClusterSnapshot snapshot, Instant at) {
        Set<String> now = new HashSet<>();
        for (ClusterSnapshot.DrbdLine line : snapshot.drbd()) {
            if (line.roles().startsWith("Primary/")) {
                String key = line.node() + "/" + line.resource();
                times.primary().put(key, at);
                now.add("primary:" + key);
            }
        }
        if (snapshot.servedBy() != null && !snapshot.sessions().isEmpty()) {
            times.serving().put(snapshot.servedBy(), at);
            now.add("serving:" + snapshot.servedBy());
        }
        boolean ended = !now.containsAll(current);
        current.clear();
        current.addAll(now);
        if (ended) {
            save();
        }
    }

    /** When {@code node} was last seen Primary for {@code resource}. */
    public synchronized Optional<Instant> lastPrimary(String node, String resource) {
        return Optional.ofNullable(times.primary().get(node + "/" + resource));
    }

    /** When {@code node} was last seen serving the target with at least one client logged in. */
    public synchronized Optional<Instant> lastServing(String node) {
        return Optional.ofNullable(times.serving().get(node));
    }

    public synchronized void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(times) + "\n", AtomicFile.OWNER_ONLY);
        } catch (IOException ignored) {
            // history for a dialog, not data: it stays in memory
        }
    }
}
