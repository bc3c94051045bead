package io.tandem.facts;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configuration files discovery read on a host, by absolute path; see {@link HostFilesParser}
 * for which. A path that discovery looks at but did not list is absent.
 *
 * @param read false when the files could not be read at all (then nothing is known about any path)
 */
public record HostFiles(Map<String, HostFile> files, boolean read) {

    /** Nothing known: the host was not asked, or the answer could not be read. */
    public static final HostFiles UNKNOWN = new HostFiles(Map.of(), false);

    public HostFiles {
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** The file at {@code path} as found; empty when discovery does not look at that path or could not read the files. */
    public Optional<HostFile> file(String path) {
        if (files.containsKey(path)) {
            return Optional.of(files.get(path));
        }
        return read && HostFilesParser.looksAt(path) ? Optional.of(HostFile.without(path, HostFile.State.ABSENT, 0)) : Optional.empty();
    }

    @Override
    public String toString() {
        if (!read) {
            return "HostFiles[not read]";
        }
        long present = files.values().stream().filter(f -> f.state() == HostFile.State.PRESENT).count();
        return "HostFiles[" + files.size() + " listed, " + present + " read]";
    }
}
