package io.tandem.render;

import io.tandem.model.Project;
import io.tandem.model.ValuePatterns;

/**
 * One generated file for one host. {@code content} may hold secret references made by
 * {@link SecretBook#ref}; only {@link FileSet#text} turns them into values or redactions.
 *
 * @param host    a node or initiator name, or {@link #CLUSTER} for cluster-wide files
 * @param path    the absolute path on the host
 * @param mode    POSIX permission bits, e.g. 0644
 * @param purpose one sentence for the reviewer: what the file does
 */
public record RenderedFile(String host, String path, String content, int mode, Placement placement, String purpose) {

    /** The pseudo-host of files that belong to the cluster as a whole (CIB, pcs script). */
    public static final String CLUSTER = Project.CLUSTER_WIDE;

    /**
     * The same patterns the validator applies to the names a path is built from: a validated
     * project never fails here (ValidProjectsRenderAndExportTest), so this only catches a renderer's bug.
     */
    public RenderedFile {
        if (!ValuePatterns.FILE_PATH.matches(path)) {
            throw new IllegalArgumentException("not " + ValuePatterns.FILE_PATH.description() + ": " + path);
        }
        if (!ValuePatterns.HOST_NAME.matches(host)) {
            throw new IllegalArgumentException("not " + ValuePatterns.HOST_NAME.description() + ": " + host);
        }
    }

    public static RenderedFile whole(String host, String path, String content, String purpose) {
        return new RenderedFile(host, path, content, 0644, Placement.WHOLE_FILE, purpose);
    }

    public String octalMode() {
        return String.format("%04o", mode);
    }
}
