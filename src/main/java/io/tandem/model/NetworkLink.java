package io.tandem.model;

/** A node's interface on one of the cluster networks; a bond when {@code bond} is present. */
public record NetworkLink(
        NetworkRole network,
        String interfaceName,
        String address,
        @OptionalField Bond bond) {
}
