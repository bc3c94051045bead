package io.tandem.gui.apply;

import java.time.LocalTime;

/** One line of the apply's live log, secrets already masked; {@code host} is empty for the run's own lines. */
public record LogLine(LocalTime time, String host, Kind kind, String text) {

    public enum Kind { STEP, COMMAND, OUTPUT, PROGRESS, ERROR }

    /** As copied or saved: "12:03:04 [node1] text". */
    public String format() {
        return String.format("%tT %s%s", time, host.isEmpty() ? "" : "[" + host + "] ", text);
    }
}
