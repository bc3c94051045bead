package io.tandem.failover;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one failover test measured and whether it passed: per fault its timeline, the I/O the
 * initiator did (every sample, for the chart), every error it saw, the read-back of every
 * acknowledged write, and how long the cluster took to be healthy again. Times are epoch seconds in
 * the workstation's clock. A test fails on any I/O error, any acknowledged write not read back, a
 * failover that did not happen, or a cluster not healthy again in time; a pause over the goal is
 * reported beside the verdict (it is the performance goal, not the data's safety).
 */
public record FailoverReport(String cluster, String scenario, String scenarioTitle, double startedAt, double endedAt, String servingBefore,
                             String servingAfter, String initiator, Integer replacementTimeout, List<Timeline> legs,
                             List<ProbeLog.Io> ios, ProbeLog.ReadBack readBack, Double healthyAgainAfter, double goalSeconds,
                             List<String> notes, List<String> failures) {

    /** How many errors the report lists one by one (all are counted). */
    static final int ERRORS_LISTED = 50;

    public FailoverReport {
        legs = List.copyOf(legs);
        ios = List.copyOf(ios);
        notes = List.copyOf(notes);
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    public long errorCount() {
        return ios.stream().filter(i -> !i.ok()).count();
    }

    /** Acknowledged writes that did not read back as written (lost, corrupt or unreadable); empty when no read-back finished. */
    public Optional<Long> lostWrites() {
        return Optional.ofNullable(readBack).map(r -> r.lost() + r.corrupt() + r.unreadable());
    }

    /** The longest pause over all the faults. */
    public Optional<Pause> longestPause() {
        return legs.stream().flatMap(l -> l.longestPause().stream()).max(java.util.Comparator.comparingDouble(Pause::seconds));
    }

    public boolean withinGoal() {
        return longestPause().map(p -> p.seconds() <= goalSeconds).orElse(true);
    }

    /** The pause goal of each scenario (issue: switchover 20 s, crash 30 s, a link or NIC 2 s). */
    public static double goal(Scenario scenario) {
        return switch (scenario) {
            case SWITCHOVER -> 20;
            case CRASH_ACTIVE -> 30;
            case REPLICATION_LINK, BOND_SLAVE -> 2;
        };
    }

    /** Why the test failed, in plain words; empty when it passed. */
    static List<String> failures(Scenario scenario, String before, String after, ProbeLog probe, Double healthyAgainAfter, int healthyWait,
                                 List<String> driveFailures) {
        List<String> failures = new ArrayList<>(driveFailures);
        List<ProbeLog.Io> errors = probe.errors();
        if (!errors.isEmpty()) {
            failures.add(errors.size() + " I/O error(s) reached the initiator's applications (first: " + errors.getFirst().error() + " on a "
                    + (errors.getFirst().op() == 'w' ? "write" : "read") + "). With iSCSI this usually means the client's replacement_timeout "
                    + "ran out before the target was back: raise it above the longest pause.");
        }
        if (probe.readBack().isEmpty()) {
            failures.add("The read-back of the acknowledged writes did not finish, so Tandem cannot prove no write was lost.");
        } else if (!probe.readBack().get().intact()) {
            ProbeLog.ReadBack r = probe.readBack().get();
            failures.add((r.lost() + r.corrupt() + r.unreadable()) + " of " + r.acknowledged() + " acknowledged writes did not read back as "
                    + "written (" + r.lost() + " lost, " + r.corrupt() + " corrupt, " + r.unreadable() + " unreadable): data the "
                    + "application was told is safe is gone.");
        }
        if (scenario.movesTheStorage() && scenario == Scenario.CRASH_ACTIVE && before.equals(after)) {
            failures.add("The storage did not move: " + after + " still serves it after " + before + " crashed.");
        }
        if (scenario == Scenario.SWITCHOVER && !before.equals(after)) {
            failures.add("The storage did not come back to " + before + ": " + after + " serves it after the switchover and back.");
        }
        if (!scenario.movesTheStorage() && !before.equals(after)) {
            failures.add("The storage moved from " + before + " to " + after + ", but this fault should not have moved it.");
        }
        if (healthyAgainAfter == null) {
            failures.add("The cluster was not healthy again " + healthyWait + " s after the test: look at the monitoring view for what is left.");
        }
        return failures;
    }

    /** One line per fault, as scripts and people read it: {@code switchover node1->node2  pause 12.3 s  errors 0  lost 0  PASS}. */
    public List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        String lost = lostWrites().map(String::valueOf).orElse("?");
        for (int n = 0; n < legs.size(); n++) {
            Timeline leg = legs.get(n);
            double pause = leg.longestPause().map(Pause::seconds).orElse(0.0);
            double until = n + 1 < legs.size() ? legs.get(n + 1).faultAt() : Double.POSITIVE_INFINITY;
            long errors = ios.stream().filter(i -> !i.ok() && i.start() >= leg.faultAt() - 1 && i.start() < until).count();
            lines.add(String.format(Locale.ROOT, "%s %s  pause %.1f s (goal %.0f s)  errors %d  lost %s  %s", scenario, leg.leg(), pause,
                    goalSeconds, errors, lost, passed() ? "PASS" : "FAIL"));
        }
        return lines;
    }
}
