package io.tandem.model;

import java.util.List;

/** Node fencing: the agent and, unless {@code none}, one device per node. */
public record Stonith(StonithType type, @OptionalField List<FenceDevice> devices) {

    public Stonith {
        devices = devices == null ? List.of() : List.copyOf(devices);
    }
}
