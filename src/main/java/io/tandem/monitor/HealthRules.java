package io.tandem.monitor;

import io.tandem.model.Project;
import io.tandem.plan.FailoverBudget;
import io.tandem.render.SecretBook;
import io.tandem.render.modern.PacemakerLayout;
import io.tandem.render.modern.PacemakerLayoutBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * The health rules: pure functions from a project and a snapshot (and, when there is one, the
 * round before) to an {@link Assessment}. Each rule family lives in its own class:
 * {@link HostChecks} (hosts that did not answer, facts that could not be read, clocks),
 * {@link ClusterChecks} (Pacemaker running, membership, split cluster, fencing, SBD, resources and
 * fail counts), {@link DrbdChecks} (connection, split brain, resync, disks, out of sync),
 * {@link NetworkChecks} (bonds, leftover port rules) and {@link ServingChecks} (the target on the
 * serving node, LUNs, each managed client's session, portal, disks and replacement_timeout).
 * What the levels mean and their precedence: {@link Verdict}.
 */
public final class HealthRules {

    private HealthRules() {
    }

    public static Assessment judge(Project project, ClusterSnapshot snapshot) {
        return judge(project, snapshot, null);
    }

    /** {@code previous}: the round before (null for a single read), for what only a change shows: a bond that failed over or flapped. */
    public static Assessment judge(Project project, ClusterSnapshot snapshot, ClusterSnapshot previous) {
        Context c = new Context(project, snapshot, previous);
        HostChecks.judge(c);
        ClusterChecks.judge(c);
        DrbdChecks.judge(c);
        NetworkChecks.judge(c);
        ServingChecks.judge(c);
        return Assessment.of(c.findings);
    }

    /** What every rule reads, and where they write. */
    static final class Context {
        final Project project;
        final ClusterSnapshot now;
        final ClusterSnapshot previous;
        final PacemakerLayout layout;
        final FailoverBudget budget;
        final List<Finding> findings = new ArrayList<>();

        Context(Project project, ClusterSnapshot now, ClusterSnapshot previous) {
            this.project = project;
            this.now = now;
            this.previous = previous;
            this.layout = PacemakerLayoutBuilder.build(project, new SecretBook());
            this.budget = FailoverBudget.of(project);
        }

        void add(Verdict severity, String code, String subject, String reason, String fix) {
            findings.add(new Finding(severity, code, subject, reason, fix));
        }

        /** True when this node answered the status read. */
        boolean answered(String node) {
            return now.nodeRead(node).map(ClusterSnapshot.NodeRead::answered).orElse(false);
        }

        /** True when a managed client has a logged-in session to the project's target: the storage is served, whatever else could not be read. */
        boolean clientLoggedIn() {
            return now.clientReads().stream().flatMap(r -> r.sessions().stream())
                    .anyMatch(s -> s.loggedIn() && s.targetIqn().equals(project.target().iqn()));
        }

        ClusterSnapshot.Membership membership(String node) {
            return now.node(node).map(ClusterSnapshot.NodeLine::membership).orElse(ClusterSnapshot.Membership.UNKNOWN);
        }

        String peerOf(String node) {
            return project.peerOf(node).name();
        }
    }
}
