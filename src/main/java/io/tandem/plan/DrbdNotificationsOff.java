package io.tandem.plan;

import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.text.ShellQuote;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Takes the DRBD clones of a cluster applied by an earlier Tandem version off notifications without
 * restarting anything. Left to the CIB merge, the agent's new parameter (ignore_missing_notifications)
 * makes Pacemaker reload every DRBD instance, and Pacemaker 2.1.5 then promotes the reloaded instance
 * again and restarts the group ordered after it: the clients paused 14.5 s in the VM lab. Here the change
 * is made with the cluster in maintenance mode and the clones probed again, so their history holds the
 * new parameters and there is nothing to reload when the cluster manages them again: the longest gap
 * between a client's writes during that apply was 1.1 s. Unmanaging only the clones was tried first:
 * while a clone's state was being probed again the scheduler planned to stop the group (aborted only
 * because the probes came back first), and a monitor running across the change left a fail count.
 */
final class DrbdNotificationsOff {

    private static final Pattern NOTIFY_ON = Pattern.compile("name=\"notify\"\\s+value=\"(?i:true|yes|on|1)\"");

    private DrbdNotificationsOff() {
    }

    /** {@code primitives}: the DRBD primitives' ids; each clone is the id with {@code -clone}. */
    static Step step(String node, List<String> primitives) {
        Probe probe = ClusterSteps.cibFileProbe(node);
        Check check = Check.of("no DRBD clone of Tandem's has notifications on (" + String.join(" ", primitives) + ")",
                probe, out -> done(out, primitives));
        Action off = new Action(node, "maintenance-mode=true; per DRBD clone with notify=true: set ignore_missing_notifications=true, "
                + "delete notify, crm_resource --refresh; wait for the probes; maintenance-mode back as it was", remote -> {
                    ExecResult result = remote.run(RemoteCommand.script(script(primitives)), new byte[0], Duration.ofMinutes(25), l -> { });
                    if (!result.ok()) {
                        throw StepFailure.of(RemoteCommand.script("turn the DRBD clones' notifications off"), result);
                    }
                });
        return Step.on(node, Phase.RESOURCES, "drbd-notifications-off", "Turn off the DRBD clones' notifications that earlier Tandem "
                + "versions configured, if the cluster has them (a switchover then runs eight agent operations fewer per DRBD resource; "
                + "nothing restarts, the cluster is in maintenance mode for about a minute)", check,
                "the next plan puts them back only if the layout needs them", off);
    }

    /** Done on a node that never had a cluster, or when the CIB read shows no Tandem DRBD clone with notify on. */
    static boolean done(String out, List<String> primitives) {
        return ClusterSteps.cibFileDone(out, cib -> primitives.stream().noneMatch(p -> {
            Matcher clone = Pattern.compile("(?s)<clone\\s[^>]*id=\"" + Pattern.quote(p + "-clone") + "\".*?</clone>").matcher(cib);
            return clone.find() && NOTIFY_ON.matcher(clone.group()).find();
        }));
    }

    /** Inside a {@link MaintenanceWindow}: per clone with notify on, the agent's parameter set, notify deleted, the clone probed again. */
    static String script(List<String> primitives) {
        return MaintenanceWindow.script(List.of(
                "for p in " + primitives.stream().map(ShellQuote::quote).collect(Collectors.joining(" ")) + "; do",
                "  case \"$(crm_resource --resource \"$p-clone\" --meta --get-parameter notify 2>/dev/null || true)\" in",
                "    [Tt]rue|[Yy]es|on|1) todo=\"$todo $p\" ;;",
                "  esac",
                "done"), List.of(
                "for p in $todo; do",
                "  crm_resource --resource \"$p\" --set-parameter ignore_missing_notifications --parameter-value true",
                "  crm_resource --resource \"$p-clone\" --meta --delete-parameter notify",
                "  crm_resource --refresh --resource \"$p-clone\"",
                "done"));
    }
}
