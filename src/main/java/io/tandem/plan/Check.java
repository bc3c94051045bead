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

    /** A check judged on the outputs of several probes (absent or failed probes are the judge's to read). */
    static Check on(String description, List<Probe> probes, Predicate<ProbeResults> judge) {
        return new Judged(description, List.copyOf(probes), judge);
    }

    /** A check on one probe whose output (exit 0) satisfies {@code done}. */
    static Check of(String description, Probe probe, Predicate<String> done) {
        return on(description, List.of(probe), results -> results.text(probe).map(done::test).orElse(false));
    }

    /** A check that is done when the probe exits 0. */
    static Check exitZero(String description, Probe probe) {
        return on(description, List.of(probe), results -> results.get(probe).map(ProbeResults.Output::ok).orElse(false));
    }


    record Judged(String describe, List<Probe> probes, Predicate<ProbeResults> judge) implements Check {
        @Override
        public boolean done(ProbeResults results) {
            return judge.test(results);
        }
    }
}
