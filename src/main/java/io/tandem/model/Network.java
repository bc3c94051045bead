package io.tandem.model;

/** An IPv4 subnet in CIDR form, its optional gateway and (client network only) the virtual IP. */
public record Network(
        String cidr,
        @OptionalField String gateway,
        @OptionalField String virtualIp) {

    public int prefixLength() {
        return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
    }
}
