package io.tandem.model;

/**
 * A client machine that logs in to the target. With {@code ssh}, Tandem sets up its open-iscsi;
 * without, it is only admitted by the target and its settings are entered by hand.
 */
public record Initiator(
        String name,
        OperatingSystem os,
        @OptionalField Ssh ssh,
        String iqn,
        InitiatorTimeouts timeouts,
        InitiatorSession session,
        @OptionalField Filesystem filesystem) {

    /** True when Tandem logs in to this client and writes its files. */
    public boolean managed() {
        return ssh != null;
    }
}
