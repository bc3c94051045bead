package io.tandem.model;

/** open-iscsi session settings written to {@code iscsid.conf}. */
public record InitiatorSession(
        Integer cmdsMax,
        Integer queueDepth,
        Boolean initialR2T,
        Boolean immediateData,
        Integer firstBurstLength,
        Integer maxBurstLength,
        Integer maxRecvDataSegmentLength,
        Integer discoveryMaxRecvDataSegmentLength,
        Boolean fastAbort) {
}
