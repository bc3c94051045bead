package io.tandem.facts;

/**
 * A node's quorum device client as {@code corosync-qdevice-tool -s} reports it: whether it runs,
 * its state towards qnetd ({@code Connected} when the witness's vote counts), where it connects
 * and the algorithm; {@code problem} is the tool's own words when it does not run.
 */
public record QdeviceStatus(boolean running, String state, String qnetdHost, String algorithm, String problem) {

    public static QdeviceStatus notRunning(String problem) {
        return new QdeviceStatus(false, null, null, null, problem);
    }

    /** True when this node's qdevice is connected to qnetd: the witness's vote counts for it. */
    public boolean connected() {
        return running && "Connected".equals(state);
    }
}
