package io.tandem.model;

/**
 * How soon DRBD notices that its peer is gone, in DRBD's own units so a reviewer can match them
 * to the resource file: {@code ping-int} (seconds between keep-alive pings on an idle
 * connection), {@code ping-timeout} and {@code timeout} (tenths of a second for a ping's and a
 * data packet's answer). When the replication link is cut, the serving node holds its writes
 * until it has noticed (at most {@code ping-int} + {@code ping-timeout}) and its fence-peer
 * handler has returned; DRBD's defaults are 10 s, 5 and 60.
 */
public record PeerTimeouts(Integer pingIntervalSeconds, Integer pingTimeoutTenths, Integer timeoutTenths) {

    /** DRBD's own defaults, which apply when a project sets none. */
    public static final PeerTimeouts DRBD_DEFAULTS = new PeerTimeouts(10, 5, 60);

    /** The longest time in seconds a node can take to notice a silent peer: a full ping interval, then the ping's timeout. */
    public double noticeSeconds() {
        return pingIntervalSeconds + pingTimeoutTenths / 10.0;
    }
}
