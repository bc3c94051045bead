package io.tandem.model;

/** iSCSI login parameters the target offers (RFC 7143 keys); {@code wthreads} is IET-only. */
public record SessionParameters(
        Integer maxConnections,
        Boolean initialR2T,
        Boolean immediateData,
        Integer maxRecvDataSegmentLength,
        Integer maxXmitDataSegmentLength,
        Integer maxBurstLength,
        Integer firstBurstLength,
        Integer defaultTime2Wait,
        Integer defaultTime2Retain,
        Integer maxOutstandingR2T,
        Boolean dataPduInOrder,
        Boolean dataSequenceInOrder,
        Integer errorRecoveryLevel,
        String headerDigest,
        String dataDigest,
        @OptionalField Integer wthreads) {
}
