package io.tandem.facts;

/**
 * What one {@code ping -c 1} to a peer gave: a reply and its round-trip time in milliseconds, no
 * reply within the wait ({@code NO_REPLY}: the packet or its answer was lost), an error of the
 * network before anything was sent ({@code ERROR}, e.g. "connect: Network is unreachable" when
 * this node's own link is down), or no ping at all ({@code NOT_RUN}: not installed, cut short).
 * {@code detail} says what ping said about a missing reply, or the error.
 */
public record PingResult(Outcome outcome, Double rttMillis, String detail) {

    public enum Outcome { REPLY, NO_REPLY, ERROR, NOT_RUN }

    public static PingResult reply(double millis) {
        return new PingResult(Outcome.REPLY, millis, null);
    }

    public static PingResult noReply(String detail) {
        return new PingResult(Outcome.NO_REPLY, null, detail);
    }

    public static PingResult error(String detail) {
        return new PingResult(Outcome.ERROR, null, detail);
    }

    public static PingResult notRun(String detail) {
        return new PingResult(Outcome.NOT_RUN, null, detail);
    }

    public boolean replied() {
        return outcome == Outcome.REPLY;
    }
}
