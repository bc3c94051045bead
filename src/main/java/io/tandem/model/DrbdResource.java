package io.tandem.model;

import java.util.List;
import java.util.Optional;

/** One replicated block device: {@code /dev/drbd<minor>} on both nodes, connected on {@code port}. */
public record DrbdResource(
        String name,
        Integer minor,
        Integer port,
        ResourcePurpose purpose,
        @OptionalField Filesystem filesystem,
        List<Backing> backing) {

    public DrbdResource {
        backing = backing == null ? null : List.copyOf(backing);
    }

    public String device() {
        return "/dev/drbd" + minor;
    }

    public Optional<Backing> backingOn(String node) {
        return backing.stream().filter(b -> b.node().equals(node)).findFirst();
    }
}
