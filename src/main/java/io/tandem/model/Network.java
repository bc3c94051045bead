package io.tandem.model;

/**
 * An IPv4 subnet in CIDR form, its optional gateway, (client network only) the virtual IP and
 * (replication network only) whether replication falls back to the client network when its own
 * network is cut.
 */
public record Network(
        String cidr,
        @OptionalField String gateway,
        @OptionalField String virtualIp,
        @OptionalField Boolean fallbackOverClient) {

    /** The wizard's words for {@code fallbackOverClient}: its check box on the Network step, and problems name it so. */
    public static final String FALLBACK_LABEL = "Keep replicating over the client network while the replication network is cut";

    public int prefixLength() {
        return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
    }

    /** True when traffic to the peer's address in this network is routed over the client network while this one is cut. */
    public boolean fallsBackOverClient() {
        return Boolean.TRUE.equals(fallbackOverClient);
    }
}
