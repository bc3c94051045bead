package io.tandem.plan;

import io.tandem.model.ValuePatterns;

/**
 * A read-only shell fragment run as root on one host whose output tells a {@link Check} whether its
 * step is done. Probes of one host are sent together in one script (sections framed by a nonce), so
 * planning costs one round trip per host; apply runs a step's probes again, alone, right before it.
 *
 * @param name unique per host, {@code [a-z0-9-]+}: the section name of the framed script
 */
public record Probe(String host, String name, String script) {

    public Probe {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("probe name: " + name);
        }
        if (!ValuePatterns.HOST_NAME.matches(host)) {
            throw new IllegalArgumentException("probe host: " + host);
        }
    }
}
