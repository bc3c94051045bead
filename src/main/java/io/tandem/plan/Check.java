package io.tandem.plan;

import java.util.List;
import java.util.function.Predicate;

/**
 * Tells whether a step is already done, from the output of read-only probes on its hosts. Planning
 * evaluates it on the probes sent with discovery; apply evaluates it again right before the step, so
 * a host that changed since the plan, or a step half done by an interrupted run, is seen as it is.
 */
public interface Check {

    /** What "done" means, in plain words ("corosync.conf is Tandem's"). */
    String describe();

    List<Probe> probes();

    boolean done(ProbeResults results);

    /** A check on one probe whose output (exit 0) satisfies {@code done}. */
    static Check of(String description, Probe probe, Predicate<String> done) {
        return new Check() {
            @Override
            public String describe() {
                return description;
            }

            @Override
            public List<Probe> probes() {
                return List.of(probe);
            }

            @Override
            public boolean done(ProbeResults results) {
                return results.text(probe).map(done::test).orElse(false);
            }
        };
    }

    /** A check that is done when the probe exits 0. */
    static Check exitZero(String description, Probe probe) {
        return new Check() {
            @Override
            public String describe() {
                return description;
            }

            @Override
            public List<Probe> probes() {
                return List.of(probe);
            }

            @Override
            public boolean done(ProbeResults results) {
                return results.get(probe).map(ProbeResults.Output::ok).orElse(false);
            }
        };
    }

    /** Done when all are. */
    static Check all(String description, List<Check> checks) {
        return new Check() {
            @Override
            public String describe() {
                return description;
            }

            @Override
            public List<Probe> probes() {
                return checks.stream().flatMap(c -> c.probes().stream()).toList();
            }

            @Override
            public boolean done(ProbeResults results) {
                return checks.stream().allMatch(c -> c.done(results));
            }
        };
    }
}
