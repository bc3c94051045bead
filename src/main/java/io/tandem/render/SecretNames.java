package io.tandem.render;

/** The stable names under which secrets appear as {@code <redacted:NAME>}. */
public final class SecretNames {

    public static final String DRBD_SHARED_SECRET = "drbd-shared-secret";
    public static final String CHAP_INCOMING = "chap-incoming-secret";
    public static final String CHAP_OUTGOING = "chap-outgoing-secret";
    public static final String CHAP_DISCOVERY = "chap-discovery-secret";
    public static final String HEARTBEAT_AUTHKEY = "heartbeat-authkey";

    private SecretNames() {
    }

    public static String fencePassword(String node) {
        return "fence-" + node + "-password";
    }
}
