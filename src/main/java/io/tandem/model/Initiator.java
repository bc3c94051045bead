package io.tandem.model;

/** A client machine that logs in to the target with open-iscsi. */
public record Initiator(
        String name,
        OperatingSystem os,
        Ssh ssh,
        String iqn,
        InitiatorTimeouts timeouts,
        InitiatorSession session,
        @OptionalField Filesystem filesystem) {
}
