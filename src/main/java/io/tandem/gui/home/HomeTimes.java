package io.tandem.gui.home;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the monitoring screens show them: this workstation's zone, to the second. */
final class HomeTimes {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private HomeTimes() {
    }

    static String format(Instant at) {
        return DAY_TIME.format(at);
    }
}
