package io.tandem.model;

import java.util.List;

/** Upstream time servers; the nodes also peer with each other so their clocks agree. */
public record TimeSync(List<String> servers) {

    public TimeSync {
        servers = servers == null ? null : List.copyOf(servers);
    }
}
