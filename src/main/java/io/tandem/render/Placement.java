package io.tandem.render;

/** How a rendered file's content goes onto a host. */
public enum Placement {
    /** The file is entirely Tandem's. */
    WHOLE_FILE("whole file"),
    /** Lines Tandem owns inside a file it shares with the system (e.g. /etc/fstab), between markers. */
    MANAGED_BLOCK("managed block inside the existing file"),
    /** {@code key = value} settings merged into an existing file: each key replaced or appended. */
    SETTINGS("settings merged into the existing file");

    private final String description;

    Placement(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
