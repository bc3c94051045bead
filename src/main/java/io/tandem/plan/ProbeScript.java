package io.tandem.plan;

import io.tandem.discovery.FactScript;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one script that answers a host's probes: each probe with a script of its own in its section,
 * each shared read once (merged from what its probes need) in a section of its own, every section
 * framed by a nonce ({@link FactScript}). {@link #results} fans the reads back out, so each probe's
 * output is found under its own name, as its check reads it.
 */
public final class ProbeScript {

    private ProbeScript() {
    }

    /** The shared reads {@code probes} need, one per name, each merged from all its probes'. */
    static Map<String, SharedRead> reads(List<Probe> probes) {
        Map<String, SharedRead> reads = new LinkedHashMap<>();
        for (Probe probe : probes) {
            probe.read().ifPresent(read -> reads.merge(read.name(), read, SharedRead::merge));
        }
        return reads;
    }

    public static String script(List<Probe> probes, String nonce) {
        List<FactScript.Fact> facts = new ArrayList<>();
        reads(probes).values().forEach(read -> facts.add(new FactScript.Fact(read.name(), read.script())));
        probes.stream().filter(p -> p.read().isEmpty()).forEach(p -> facts.add(new FactScript.Fact(p.name(), p.script())));
        return FactScript.script(facts, nonce);
    }

    /** Every probe's output from the script's; a probe whose section (or read's section) is missing is absent. */
    public static ProbeResults results(String host, List<Probe> probes, String output, String nonce) {
        Map<String, FactScript.Section> sections = FactScript.parse(output, nonce);
        ProbeResults results = new ProbeResults();
        for (Probe probe : probes) {
            FactScript.Section section = sections.get(probe.read().map(SharedRead::name).orElse(probe.name()));
            if (section != null) {
                results.put(host, probe.name(), probe.answer().apply(new ProbeResults.Output(section.output(), section.exitStatus())));
            }
        }
        return results;
    }
}
