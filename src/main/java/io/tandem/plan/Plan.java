package io.tandem.plan;

import java.util.List;
import java.util.Map;

/**
 * The steps apply would run, in order: only those whose check said "not done". A converged
 * cluster plans none. {@code notes} explain decisions the operator should know (computed timeouts,
 * replaced agents), {@code roundTrips} how many SSH round trips planning took per host, and
 * {@code refusals} why apply must not run it at all (a backing device too small for DRBD), each
 * naming the project field and the fix.
 */
public record Plan(List<Step> steps, List<String> notes, Map<String, Integer> roundTrips, List<String> refusals) {

    public Plan {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
        roundTrips = Map.copyOf(roundTrips);
        refusals = List.copyOf(refusals);
    }

    public Plan(List<Step> steps, List<String> notes, Map<String, Integer> roundTrips) {
        this(steps, notes, roundTrips, List.of());
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Devices the plan overwrites: each needs its typed confirmation. */
    public List<String> destroyedDevices() {
        return steps.stream().flatMap(s -> s.destroys().map(d -> s.hostLabel() + ":" + d).stream()).toList();
    }

    /** Only the steps of candidates whose check is not done, in order. */
    public static Plan of(List<Step> candidates, ProbeResults results, List<String> notes, Map<String, Integer> roundTrips, List<String> refusals) {
        return new Plan(candidates.stream().filter(s -> !s.check().done(results)).toList(), notes, roundTrips, refusals);
    }
}
