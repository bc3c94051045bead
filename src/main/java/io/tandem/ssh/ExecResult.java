package io.tandem.ssh;

import java.time.Duration;

/** A finished remote command: exit status, stdout and stderr kept apart, and how long it took. */
public record ExecResult(int exitStatus, String stdout, String stderr, Duration elapsed) {

    public boolean ok() {
        return exitStatus == 0;
    }
}
