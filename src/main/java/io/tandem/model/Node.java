package io.tandem.model;

import java.util.List;
import java.util.Optional;

/** One of the two storage servers. */
public record Node(
        String name,
        OperatingSystem os,
        DrbdVersion drbdVersion,
        Ssh ssh,
        List<NetworkLink> links) {

    public Node {
        links = links == null ? null : List.copyOf(links);
    }

    public Optional<NetworkLink> link(NetworkRole role) {
        return links.stream().filter(l -> l.network() == role).findFirst();
    }

    /** The address of this node on a network; validation guarantees there is exactly one. */
    public String address(NetworkRole role) {
        return link(role).map(NetworkLink::address).orElseThrow();
    }

    public String interfaceName(NetworkRole role) {
        return link(role).map(NetworkLink::interfaceName).orElseThrow();
    }
}
