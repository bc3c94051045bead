package io.tandem.apply;

/** How the node holds the rollback while Tandem is away. */
public enum RollbackArming {
    /** A systemd timer when systemd runs the node ({@code /run/systemd/system} exists), else {@link #DETACHED}. */
    AUTO,
    /** A transient systemd timer ({@code systemd-run --on-active}); arming fails where systemd does not run. */
    SYSTEMD,
    /**
     * A {@code setsid} process in a session of its own that sleeps through the window: for hosts
     * without systemd, and for network namespaces sharing a host's {@code /run}, where a systemd
     * timer would run the rollback in the host's namespace instead of the node's.
     */
    DETACHED
}
