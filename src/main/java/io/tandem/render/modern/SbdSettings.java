package io.tandem.render.modern;

import io.tandem.model.Sbd;

import java.util.ArrayList;
import java.util.List;

/**
 * What follows from the SBD settings, in one place for the renderers, the summary and (later) apply:
 * the command that writes the header on a disk, and Pacemaker's stonith-timeout.
 */
public final class SbdSettings {

    /** Pacemaker's default stonith-timeout; never go below it. */
    static final int PACEMAKER_DEFAULT_STONITH_TIMEOUT = 60;

    private SbdSettings() {
    }

    /**
     * {@code sbd -d DEV -1 WATCHDOG -4 MSGWAIT create}: writes the header and the empty slots. It
     * overwrites the start of the disk, so apply runs it only after the user typed the disk's path.
     */
    public static List<String> createCommand(Sbd sbd, String device) {
        return List.of("sbd", "-d", device, "-1", String.valueOf(sbd.watchdogTimeout()), "-4", String.valueOf(sbd.msgwaitTimeout()),
                "create");
    }

    /** All create commands, one per disk. */
    public static List<List<String>> createCommands(Sbd sbd) {
        List<List<String>> commands = new ArrayList<>();
        sbd.devices().forEach(device -> commands.add(createCommand(sbd, device)));
        return commands;
    }

    /**
     * fence_sbd succeeds only after waiting msgwait, so Pacemaker must give it longer: sbd's manual
     * asks for twice msgwait (the common rule of thumb, 1.2 times, is then met too), and never less
     * than Pacemaker's own default.
     */
    public static int stonithTimeoutSeconds(Sbd sbd) {
        return Math.max(PACEMAKER_DEFAULT_STONITH_TIMEOUT, 2 * sbd.msgwaitTimeout());
    }
}
