package io.tandem.monitor;

import io.tandem.ssh.SshFailure;

import java.time.Duration;

/** Runs a script as root on one of the monitored hosts, for the few actions the monitoring view takes (a split brain's recovery). */
public interface HostCommands {

    /** What the script printed and how it ended. */
    record Result(int exitStatus, String stdout, String stderr) {
        public boolean ok() {
            return exitStatus == 0;
        }
    }

    Result runAsRoot(String host, String script, Duration timeout) throws SshFailure, InterruptedException;
}
