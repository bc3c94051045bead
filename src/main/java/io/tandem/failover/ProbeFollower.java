package io.tandem.failover;

import io.tandem.monitor.HostCommands;
import io.tandem.ssh.SshFailure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the probe's log on the initiator as it grows: only the bytes not read yet, only whole
 * lines. A read that fails (the management network busy, the client slow) is simply tried again at
 * the next call: the log on the client keeps everything.
 */
final class ProbeFollower {

    private final HostCommands commands;
    private final String client;
    private final DrillScripts scripts;
    private final StringBuilder text = new StringBuilder();
    private long offset;
    private String partial = "";

    ProbeFollower(HostCommands commands, String client, DrillScripts scripts) {
        this.commands = commands;
        this.client = client;
        this.scripts = scripts;
    }

    /** The I/O lines that arrived since the last call, in the initiator's clock; empty when the read failed. */
    List<ProbeLog.Io> poll() throws InterruptedException {
        HostCommands.Result r;
        try {
            r = commands.runAsRoot(client, scripts.readLog(offset), Duration.ofSeconds(60));
        } catch (SshFailure e) {
            return List.of();
        }
        if (!r.ok()) {
            return List.of();
        }
        String got = r.stdout();
        offset += got.getBytes(StandardCharsets.UTF_8).length;
        String all = partial + got;
        int cut = all.lastIndexOf('\n') + 1;
        partial = all.substring(cut);
        String whole = all.substring(0, cut);
        text.append(whole);
        return new ArrayList<>(ProbeLog.parse(whole).ios());
    }

    /** Everything read so far, parsed (the read-back's line included once it came). */
    ProbeLog log() {
        return ProbeLog.parse(text.toString());
    }
}
