package io.tandem.facts;

/**
 * An address on an interface from {@code ip -j addr}. {@code secondary} marks a second address
 * of the same subnet, which is how a Pacemaker IPaddr2 floating address shows on the node that
 * holds it.
 */
public record IfAddress(Family family, String address, int prefixLength, String scope, boolean secondary) {

    public enum Family { IPV4, IPV6 }

    /** {@code address/prefix}, e.g. {@code 192.168.50.11/24}. */
    public String cidr() {
        return address + "/" + prefixLength;
    }
}
