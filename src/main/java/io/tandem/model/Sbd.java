package io.tandem.model;

import java.util.List;

/**
 * Storage-based death: one to three small disks that both nodes see. A node is fenced by writing
 * a "reset" message into its slot; its sbd daemon obeys, and if the node hangs instead its
 * watchdog resets it within {@code watchdogTimeout}. The fencing node waits {@code msgwaitTimeout}
 * before it treats the message as delivered, so msgwait must exceed the watchdog timeout.
 *
 * @param watchdog {@link #SOFTDOG} (the kernel's software watchdog, loaded at boot) or the device
 *                 of a hardware watchdog whose driver the system loads, e.g. /dev/watchdog0
 */
public record Sbd(List<String> devices, String watchdog, Integer watchdogTimeout, Integer msgwaitTimeout) {

    public static final String SOFTDOG = "softdog";
    /** Where softdog (or the first watchdog driver) appears. */
    public static final String DEFAULT_WATCHDOG_DEVICE = "/dev/watchdog";
    /** sbd's own defaults: msgwait twice the watchdog timeout. */
    public static final int DEFAULT_WATCHDOG_TIMEOUT = 5;
    public static final int DEFAULT_MSGWAIT_TIMEOUT = 10;
    /**
     * With a quorum witness the witness's vote must come within the watchdog timeout (corosync's qdevice
     * sync_timeout is set to it); in the VM lab it had usually come by the time the new membership formed,
     * so 5 s leaves a margin for a slow network.
     */
    public static final int MIN_WATCHDOG_TIMEOUT_WITH_WITNESS = 5;

    public Sbd {
        // Null entries are kept so that validation names them instead of the reader failing.
        devices = devices == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(devices));
    }

    public boolean softdog() {
        return SOFTDOG.equals(watchdog);
    }

    /** The device sbd arms: /dev/watchdog for softdog, else the one named. */
    public String watchdogDevice() {
        return softdog() ? DEFAULT_WATCHDOG_DEVICE : watchdog;
    }
}
