package io.tandem.plan;

import java.util.List;
import java.util.Map;

/**
 * The steps apply would run, in order: only those whose check said "not done". A converged
 * cluster plans none. {@code notes} explain decisions the operator should know (computed timeouts,
 * replaced agents), {@code roundTrips} how many SSH round trips planning took per host.
 */
public record Plan(List<Step> steps, List<String> notes, Map<String, Integer> roundTrips) {

    public Plan {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
        roundTrips = Map.copyOf(roundTrips);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Devices the plan overwrites: each needs its typed confirmation. */
    public List<String> destroyedDevices() {
        return steps.stream().flatMap(s -> s.destroys().map(d -> s.hostLabel() + ":" + d).stream()).toList();
    }

    /** Only the steps of candidates whose check is not done, in order. */
    public static Plan of(List<Step> candidates, ProbeResults results, List<String> notes, Map<String, Integer> roundTrips) {
        return new Plan(candidates.stream().filter(s -> !s.check().done(results)).toList(), notes, roundTrips);
    }
}
