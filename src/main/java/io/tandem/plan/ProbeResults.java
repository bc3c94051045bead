package io.tandem.plan;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the probes printed, per host and probe name. A probe that did not run (its host was not
 * reached) is absent, and every check treats absent as "not done".
 */
public final class ProbeResults {

    /** One probe's output and exit status. */
    public record Output(String text, int exitStatus) {
        public boolean ok() {
            return exitStatus == 0;
        }
    }

    private final Map<String, Map<String, Output>> byHost = new HashMap<>();

    public ProbeResults put(String host, String probe, Output output) {
        byHost.computeIfAbsent(host, h -> new HashMap<>()).put(probe, output);
        return this;
    }

    public ProbeResults putAll(ProbeResults other) {
        other.byHost.forEach((host, outputs) -> outputs.forEach((name, out) -> put(host, name, out)));
        return this;
    }

    public Optional<Output> get(String host, String probe) {
        return Optional.ofNullable(byHost.getOrDefault(host, Map.of()).get(probe));
    }

    public Optional<Output> get(Probe probe) {
        return get(probe.host(), probe.name());
    }

    /** The probe's text when it ran and exited 0. */
    public Optional<String> text(Probe probe) {
        return get(probe).filter(Output::ok).map(Output::text);
    }
}
