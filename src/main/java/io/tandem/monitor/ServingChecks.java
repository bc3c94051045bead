package io.tandem.monitor;

import io.tandem.facts.IscsiSessionDetail;
import io.tandem.facts.TargetState;
import io.tandem.model.Initiator;
import io.tandem.model.FailoverEstimate;
import io.tandem.model.Lun;

import java.util.List;
import java.util.Optional;

/**
 * The storage as clients get it: the target on the node that serves it (present, enabled, every
 * LUN exported) and each managed client's session (logged in, through the virtual IP, every LUN a
 * disk, a replacement_timeout that outlasts a failover).
 */
final class ServingChecks {

    private ServingChecks() {
    }

    static void judge(HealthRules.Context c) {
        target(c);
        for (Initiator client : c.project.managedInitiators()) {
            c.now.clientRead(client.name()).filter(ClusterSnapshot.ClientRead::answered).ifPresent(read -> client(c, client, read));
        }
    }

    private static void target(HealthRules.Context c) {
        String serving = c.now.servedBy();
        if (serving == null) {
            return;
        }
        Optional<TargetState> state = c.now.nodeRead(serving).map(ClusterSnapshot.NodeRead::target);
        if (state.isEmpty()) {
            return;
        }
        String iqn = c.project.target().iqn();
        String software = c.project.target().implementation().agentName().startsWith("lio") ? "LIO" : "tgt";
        String fix = "See why with crm_mon -1rf and journalctl -u pacemaker on " + serving + "; restarting the target resource usually "
                + "restores it: crm_resource --restart -r p_target";
        if (!state.get().present()) {
            c.add(Verdict.DOWN, "target.missing", serving, "Pacemaker runs the target on " + serving + ", but " + serving + "'s " + software
                    + " has no target " + iqn + ": clients cannot log in.", fix);
            return;
        }
        if (!state.get().enabled()) {
            c.add(Verdict.DOWN, "target.disabled", serving, "The target " + iqn + " on " + serving + " exists but does not accept logins ("
                    + software + " shows it disabled).", fix);
        }
        for (Lun lun : c.project.target().luns()) {
            if (!state.get().luns().contains(lun.number())) {
                c.add(Verdict.DOWN, "lun.not-exported", "LUN " + lun.number(), "The target on " + serving + " does not export LUN " + lun.number()
                        + " (" + lun.resource() + "): clients see no disk for it.", fix);
            }
        }
    }

    private static void client(HealthRules.Context c, Initiator client, ClusterSnapshot.ClientRead read) {
        String name = client.name();
        String iqn = c.project.target().iqn();
        String portal = c.project.networks().client().virtualIp() + ":" + c.project.target().portalPort();
        if (read.sessionsProblem() != null) {
            c.add(Verdict.DEGRADED, "client.unreadable", name, name + "'s iSCSI sessions could not be read: " + read.sessionsProblem() + ".",
                    "Check open-iscsi on " + name + " (iscsiadm -m session -P 3).");
            return;
        }
        List<IscsiSessionDetail> sessions = read.sessions().stream().filter(s -> s.targetIqn().equals(iqn)).toList();
        if (sessions.isEmpty()) {
            boolean targetSees = c.now.serving().flatMap(c.now::nodeRead).map(ClusterSnapshot.NodeRead::target)
                    .map(t -> t.sessions().stream().anyMatch(s -> s.initiator().equals(client.iqn()))).orElse(false);
            c.add(Verdict.DOWN, "client.no-session", name, name + " is not logged in to the target" + (targetSees
                            ? " (although the target lists its name: a session being torn down)" : "") + ": its applications cannot reach the storage.",
                    "On " + name + ": iscsiadm -m node -T " + iqn + " -p " + portal + " --login; if that fails, journalctl -u iscsid says why.");
            return;
        }
        for (IscsiSessionDetail s : sessions) {
            if (!s.loggedIn()) {
                c.add(Verdict.DOWN, "client.session-failed", name, name + "'s session to the target is " + s.sessionState()
                        + (s.connectionState() == null ? "" : " (connection " + s.connectionState() + ")") + ": its I/O waits for the target, and fails "
                        + "after its replacement_timeout" + (s.recoveryTimeoutSeconds() == null ? "" : " (" + s.recoveryTimeoutSeconds() + " s)") + ".",
                        "Check that the target runs (above) and that " + name + " reaches " + portal + " (ping " + c.project.networks().client().virtualIp() + ").");
            } else if (!s.portal().equals(portal)) {
                c.add(Verdict.AT_RISK, "client.portal", name, name + " is logged in through " + s.portal() + ", not the virtual IP " + portal
                        + ": after a failover it loses the storage.", "On " + name + ": log out of " + s.portal() + " and log in to " + portal
                        + " (iscsiadm -m node -T " + iqn + " -p " + portal + " --login).");
            } else {
                List<Integer> seen = s.disks().stream().map(IscsiSessionDetail.Disk::lun).toList();
                for (Lun lun : c.project.target().luns()) {
                    if (!seen.contains(lun.number())) {
                        c.add(Verdict.DOWN, "client.lun-missing", name, name + " sees no disk for LUN " + lun.number() + " (" + lun.resource() + ").",
                                "On " + name + ": iscsiadm -m session --rescan; if it stays missing, check the LUN on the serving node.");
                    }
                }
            }
        }
        replacementTimeout(c, client, sessions);
    }

    /**
     * The live value when the session shows it, else the project's: it must outlast a usual
     * failover ({@link FailoverEstimate}, the figure the validator and the wizard use). The worst
     * case, every operation to its timeout ({@link io.tandem.plan.FailoverBudget}), is named too.
     */
    private static void replacementTimeout(HealthRules.Context c, Initiator client, List<IscsiSessionDetail> sessions) {
        Integer live = sessions.stream().map(IscsiSessionDetail::recoveryTimeoutSeconds).filter(v -> v != null).min(Integer::compare).orElse(null);
        Integer configured = client.timeouts() == null ? null : client.timeouts().replacementTimeout();
        Integer timeout = live != null ? live : configured;
        int usual = FailoverEstimate.seconds(c.project.cluster());
        if (timeout == null || timeout >= usual) {
            return;
        }
        int suggested = FailoverEstimate.suggestedReplacementTimeout(usual);
        c.add(Verdict.AT_RISK, "client.replacement-timeout", client.name(), client.name() + "'s replacement_timeout is " + timeout + " s"
                        + (live != null ? "" : " (as the project sets it)") + ", shorter than a usual failover (about " + usual + " s; up to "
                        + c.budget.seconds() + " s when every step runs to its timeout): during a failover its applications get I/O errors instead "
                        + "of a pause.",
                "Set the client's replacement timeout to " + suggested + " s or more (initiators[].timeouts.replacementTimeout) and apply; "
                        + "by hand on " + client.name() + ": iscsiadm -m node -T " + c.project.target().iqn() + " -o update -n "
                        + "node.session.timeo.replacement_timeout -v " + suggested + ", then log out and in again.");
    }
}
