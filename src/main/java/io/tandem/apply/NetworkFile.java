package io.tandem.apply;

import io.tandem.model.ValuePatterns;

import java.util.Arrays;

/**
 * One network configuration file a {@link NetworkChange} writes: absolute path, the whole new
 * content, POSIX permission bits. Written as root, owner root:root, by temporary file and rename.
 */
public record NetworkFile(String path, byte[] content, int mode) {

    public NetworkFile {
        if (path == null || !ValuePatterns.FILE_PATH.matches(path)) {
            throw new IllegalArgumentException("network file path: not " + ValuePatterns.FILE_PATH.description() + ": " + path);
        }
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("network file " + path + ": mode " + Integer.toOctalString(mode) + " is not 0000-7777");
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** Without the content: it is configuration, but nothing a log needs. */
    @Override
    public String toString() {
        return "NetworkFile[" + path + ", " + content.length + " bytes, " + String.format("%04o", mode) + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NetworkFile f && f.path.equals(path) && f.mode == mode && Arrays.equals(f.content, content);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(content) + mode;
    }
}
