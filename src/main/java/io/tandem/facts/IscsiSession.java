package io.tandem.facts;

/** One open-iscsi session as {@code iscsiadm -m session} lists it: {@code tcp: [1] 192.168.50.100:3260,1 iqn.… (non-flash)}. */
public record IscsiSession(String transport, int sessionId, String portal, int portalGroupTag, String targetIqn) {
}
