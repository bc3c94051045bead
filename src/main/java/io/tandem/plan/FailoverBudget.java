package io.tandem.plan;

import io.tandem.model.FailoverEstimate;
import io.tandem.model.Initiator;
import io.tandem.model.Project;
import io.tandem.model.StonithType;
import io.tandem.render.SecretBook;
import io.tandem.render.modern.PacemakerLayout;
import io.tandem.render.modern.PacemakerLayoutBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The longest a failover can take when every operation runs to its timeout: detection (the token
 * and corosync's consensus, 1.2 × token), fencing, the group stopped member by member, each DRBD
 * clone demoted and promoted, the group started member by member, plus a tenth for margin. An
 * initiator whose replacement_timeout is shorter returns I/O errors to its applications when a
 * failover is that slow (the hand-built lab saw 779 with 30 s) instead of making them wait.
 */
public record FailoverBudget(int seconds, String reasoning) {

    /** Seconds a fence operation may take when fencing is configured (Pacemaker's stonith-timeout default). */
    static final int FENCE_SECONDS = 60;

    public static FailoverBudget of(Project project) {
        PacemakerLayout layout = PacemakerLayoutBuilder.build(project, new SecretBook());
        int token = (int) Math.ceil(project.cluster().tokenMs() / 1000.0);
        int detection = token + (int) Math.ceil(1.2 * token);
        var stonith = project.cluster().stonith();
        int delay = project.cluster().witness().isPresent() ? 0 : io.tandem.model.Stonith.PREFERRED_NODE_FENCE_DELAY_SECONDS;
        int fencing = stonith.type() == StonithType.NONE ? 0 : Math.max(FENCE_SECONDS, delay
                + (stonith.type() == StonithType.SBD && stonith.sbd() != null ? stonith.sbd().msgwaitTimeout() : 0));
        int defaultTimeout = project.cluster().operationTimeoutSeconds();
        int members = layout.group().members().size();
        int group = 0;
        for (PacemakerLayout.Primitive p : layout.group().members()) {
            group += timeout(p, "stop", defaultTimeout) + timeout(p, "start", defaultTimeout);
        }
        int drbd = 0;
        for (PacemakerLayout.Clone c : layout.drbdClones()) {
            drbd += timeout(c.primitive(), "demote", defaultTimeout) + timeout(c.primitive(), "promote", defaultTimeout);
        }
        int sum = detection + fencing + group + drbd;
        int total = sum + (int) Math.ceil(sum / 10.0);
        String reasoning = "worst-case failover " + total + " s = detection " + detection + " s (token " + token + " s + consensus) + fencing "
                + fencing + " s + stop and start of the " + members + " group members " + group + " s + demote and promote of "
                + layout.drbdClones().size() + " DRBD resource(s) " + drbd + " s, + 10 % margin";
        return new FailoverBudget(total, reasoning);
    }

    private static int timeout(PacemakerLayout.Primitive p, String op, int fallback) {
        return p.ops().stream().filter(o -> o.name().equals(op) && o.timeout() != null).findFirst()
                .map(o -> Integer.parseInt(o.timeout().replace("s", ""))).orElse(fallback);
    }

    /**
     * One note per managed initiator: its replacement timeout against the usual failover (the
     * figure the validator and the wizard's Initiators step use, {@link FailoverEstimate}), and
     * whether it would also outlast this worst case. Only a timeout shorter than the usual failover
     * is a fault to fix: the worst case (every operation to its timeout) is told for information,
     * never as a value to set.
     */
    public static List<String> notes(Project project) {
        FailoverBudget worst = of(project);
        int usual = FailoverEstimate.seconds(project.cluster());
        int suggested = FailoverEstimate.suggestedReplacementTimeout(usual);
        List<String> notes = new ArrayList<>();
        for (Initiator client : project.managedInitiators()) {
            int rt = Optional.ofNullable(client.timeouts().replacementTimeout()).orElse(120);
            if (rt < usual) {
                notes.add(client.name() + ": replacement_timeout " + rt + " s is SHORTER than a usual failover (about " + usual + " s): during "
                        + "a failover its applications get I/O errors instead of a pause. Raise the client's replacement timeout to "
                        + suggested + " s.");
            } else {
                notes.add(client.name() + ": replacement_timeout " + rt + " s covers a usual failover (about " + usual + " s)"
                        + (rt >= worst.seconds() ? " and even the " + worst.reasoning() + "."
                        : "; only a failover in which every operation ran to its timeout would outlast it (" + worst.reasoning() + ")."));
            }
        }
        return notes;
    }
}
