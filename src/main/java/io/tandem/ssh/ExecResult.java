package io.tandem.ssh;

import java.time.Duration;

/** A finished remote command: exit status, stdout and stderr kept apart, and how long it took. */
public record ExecResult(int exitStatus, String stdout, String stderr, Duration elapsed) {

    public boolean ok() {
        return exitStatus == 0;
    }

    /** Without stdout and stderr: they may hold file contents or secrets (discovery reads configuration files). */
    @Override
    public String toString() {
        return "ExecResult[exit " + exitStatus + ", " + stdout.length() + " chars out, " + stderr.length() + " chars err, " + elapsed + "]";
    }
}
