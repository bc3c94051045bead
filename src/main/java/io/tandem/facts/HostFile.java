package io.tandem.facts;

import io.tandem.text.HostText;

/**
 * One configuration file as discovery found it. Only a {@link State#PRESENT} file has content, and
 * that content has its secrets masked ({@link SecretMasker}); {@code toString} never shows it.
 *
 * @param size bytes on the host (0 when absent or unreadable)
 * @param mode the permission bits from {@code stat}, listed for key files (whose bytes are never
 *             read, so who may read them is what there is to judge); {@link #MODE_NOT_LISTED} for others
 */
public record HostFile(String path, State state, long size, @HostText.MultiLine String content, int mode) {

    public static final int MODE_NOT_LISTED = -1;

    /** Larger files are not read: no configuration file Tandem writes comes near this. */
    public static final long MAX_BYTES = 256 * 1024;

    public enum State {
        PRESENT("present"),
        ABSENT("absent"),
        TOO_LARGE("too large to compare (over 256 KiB)"),
        BINARY("binary, not read"),
        UNREADABLE("unreadable"),
        NOT_A_FILE("not a regular file"),
        /** A "file" of /proc or /sys: no real size, content made up on each read, some reads block. */
        KERNEL_FILE("on /proc or /sys: a kernel interface, not read");

        private final String description;

        State(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public HostFile {
        if (state != State.PRESENT && !content.isEmpty()) {
            throw new IllegalArgumentException("only a present file has content");
        }
        if (mode < MODE_NOT_LISTED || mode > 07777) {
            throw new IllegalArgumentException("not a file mode: " + mode);
        }
    }

    public HostFile(String path, State state, long size, String content) {
        this(path, state, size, content, MODE_NOT_LISTED);
    }

    public static HostFile without(String path, State state, long size) {
        return new HostFile(path, state, size, "");
    }

    /** A key file: listed with its size and mode, its bytes never read. */
    public static HostFile key(String path, State state, long size, int mode) {
        return new HostFile(path, state, size, "", mode);
    }

    @Override
    public String toString() {
        return path + " (" + state.description() + (state == State.PRESENT ? ", " + size + " bytes" : "") + ")";
    }
}
