package io.tandem.plan;

import io.tandem.model.ValuePatterns;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A read-only shell fragment run as root on one host whose output tells a {@link Check} whether its
 * step is done. Probes of one host are sent together in one script (sections framed by a nonce), so
 * planning costs one round trip per host; apply runs a step's probes again, alone, right before it.
 *
 * <p>A probe may instead be answered from a {@link SharedRead}: one command serves every probe of
 * the host that needs it (one {@code stat} for all files, one {@code systemctl show} for all units),
 * and {@link #answer} cuts this probe's output from the read's, in the format its check always read.
 * Each process a probe starts costs up to 0.4 s on an emulated host; that is what sharing saves.
 *
 * @param name unique per host, {@code [a-z0-9-]+}: the section name of the framed script
 * @param script the probe's own shell; empty for a probe answered from a shared read
 */
public record Probe(String host, String name, String script, Optional<SharedRead> read, Function<ProbeResults.Output, ProbeResults.Output> answer) {

    public Probe {
        if (!name.matches("[a-z0-9-]+") || name.startsWith(SharedRead.PREFIX)) {
            throw new IllegalArgumentException("probe name: " + name);
        }
        if (!ValuePatterns.HOST_NAME.matches(host)) {
            throw new IllegalArgumentException("probe host: " + host);
        }
        Objects.requireNonNull(script);
        Objects.requireNonNull(answer);
    }

    public Probe(String host, String name, String script) {
        this(host, name, script, Optional.empty(), Function.identity());
    }

    /** A probe answered from {@code read}'s output by {@code answer} (given the read's section; absent when the read did not run). */
    public static Probe from(String host, String name, SharedRead read, Function<ProbeResults.Output, ProbeResults.Output> answer) {
        return new Probe(host, name, "", Optional.of(read), answer);
    }

    @Override
    public String toString() {
        return "Probe[" + host + " " + name + read.map(r -> " from " + r.name()).orElse("") + "]";
    }
}
