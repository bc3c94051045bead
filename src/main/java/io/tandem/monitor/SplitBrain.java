package io.tandem.monitor;

import io.tandem.model.DrbdResource;
import io.tandem.model.Project;
import io.tandem.ssh.SshFailure;
import io.tandem.text.ShellQuote;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DRBD split brain and its documented manual recovery (DRBD 8.4 user's guide, "Manual
 * split brain recovery"): on the node whose changes are thrown away, {@code drbdadm secondary} and
 * {@code drbdadm connect --discard-my-data}; on the other, {@code drbdadm connect} if it stands
 * alone. DRBD then resyncs the discarded node from the other. Never run on its own: the operator
 * chooses the side and confirms it by typing ({@link #confirmationFor}), and a side that serves the
 * target is refused ({@link #refusal}), since demoting it would take the storage from the clients.
 */
public final class SplitBrain {

    /** How long one side's commands may take: drbdadm answers in well under a second unless the kernel is stuck. */
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * DRBD's generation identifiers of one side ({@code drbdadm get-gi}): the current data
     * generation, the one its change bitmap started from (zero when it tracks no changes) and the
     * two before.
     */
    public record GenerationIds(String current, String bitmap, String history1, String history2) {

        private static final Pattern GI = Pattern.compile("^([0-9A-F]{16}):([0-9A-F]{16}):([0-9A-F]{16}):([0-9A-F]{16})(:[0-9:]*)?$");
        private static final String ZERO = "0000000000000000";

        /** {@code drbdadm get-gi RES}'s one line; empty when it is not that (not configured, another DRBD version). */
        public static Optional<GenerationIds> parse(String output) {
            Matcher m = GI.matcher(output.strip());
            return m.matches() ? Optional.of(new GenerationIds(m.group(1), m.group(2), m.group(3), m.group(4))) : Optional.empty();
        }

        /** DRBD's lowest bit of a generation marks the role it was made in; two generations are the same data without it. */
        private static String data(String gi) {
            return gi.substring(0, 15) + Integer.toHexString(Integer.parseInt(gi.substring(15), 16) & 0xE).toUpperCase(java.util.Locale.ROOT);
        }

        /** Plain words: what this side's data is, next to its peer's. */
        public String words(Optional<GenerationIds> peer) {
            StringBuilder out = new StringBuilder("its data is generation " + current.substring(0, 8) + "…");
            if (bitmap.equals(ZERO)) {
                out.append("; it has recorded no change of its own since it last saw its peer");
            } else {
                out.append("; it has changes of its own since it lost its peer (tracked from generation ").append(bitmap, 0, 8).append("…)");
            }
            peer.ifPresent(p -> {
                if (data(current).equals(data(p.current))) {
                    out.append("; the same data as the other side");
                } else if (!bitmap.equals(ZERO) && !p.bitmap.equals(ZERO) && data(bitmap).equals(data(p.bitmap))) {
                    out.append("; both sides changed the data after they were last in sync");
                }
            });
            return out.toString();
        }
    }

    /** One side as the dialog shows it. */
    public record Side(String node, String role, String disk, long outOfSyncKiB, Optional<GenerationIds> ids, Optional<Instant> lastPrimary,
                       Optional<Instant> lastServing) {
    }

    private SplitBrain() {
    }

    /** The script that reads one side's generation identifiers: read-only. */
    public static String readIds(DrbdResource resource) {
        return "drbdadm get-gi " + ShellQuote.quote(resource.name());
    }

    /** The words the operator types to discard {@code victim}'s changes of {@code resource}. */
    public static String confirmationFor(String victim, String resource) {
        return "discard " + victim + " " + resource;
    }

    /**
     * Why discarding {@code victim}'s changes is refused now, or empty: the resource must be in
     * split brain (StandAlone on a side), the other side must answer, and the victim must not serve
     * the target.
     */
    public static Optional<String> refusal(Project project, ClusterSnapshot now, String resource, String victim) {
        String survivor = project.peerOf(victim).name();
        List<ClusterSnapshot.DrbdLine> lines = now.drbd().stream().filter(d -> d.resource().equals(resource)).toList();
        if (lines.stream().noneMatch(d -> d.connection().equals("StandAlone"))) {
            return Optional.of(resource + " is not in split brain now (" + lines.stream().map(d -> d.node() + ": " + d.connection()).toList()
                    + "): nothing to recover.");
        }
        if (lines.stream().noneMatch(d -> d.node().equals(survivor))) {
            return Optional.of(survivor + " did not answer: its copy is the one kept, so it must be reachable first.");
        }
        if (lines.stream().noneMatch(d -> d.node().equals(victim))) {
            return Optional.of(victim + " did not answer: the commands run there, so it must be reachable first.");
        }
        if (victim.equals(now.servedBy())) {
            return Optional.of(victim + " serves the target now: throwing its changes away would take the storage from the clients. "
                    + "Keep " + victim + "'s copy (discard " + survivor + "'s changes), or first move the service to " + survivor
                    + " (crm resource move) and come back.");
        }
        return Optional.empty();
    }

    /** What the victim runs: it gives up the Primary role (it serves nothing) and reconnects, throwing away its own changes. */
    static String victimScript(DrbdResource resource) {
        String r = ShellQuote.quote(resource.name());
        return "set -e\ndrbdadm disconnect " + r + " 2>/dev/null || true\ndrbdadm secondary " + r + "\ndrbdadm connect --discard-my-data " + r + "\n";
    }

    /** What the kept side runs: reconnect if it stands alone (it may already wait for the peer). */
    static String survivorScript(DrbdResource resource) {
        String r = ShellQuote.quote(resource.name());
        return "set -e\nif drbdadm cstate " + r + " | grep -q StandAlone; then drbdadm connect " + r + "; fi\n";
    }

    /**
     * Runs the recovery: the victim's commands, then the survivor's. Returns what each side
     * printed, for the dialog's log; a step that fails stops it, with drbdadm's words.
     */
    public static List<String> recover(HostCommands hosts, Project project, DrbdResource resource, String victim)
            throws SshFailure, InterruptedException {
        String survivor = project.peerOf(victim).name();
        List<String> log = new ArrayList<>();
        run(hosts, victim, victimScript(resource), "discard " + victim + "'s changes of " + resource.name(), log);
        run(hosts, survivor, survivorScript(resource), "reconnect " + survivor, log);
        return log;
    }

    private static void run(HostCommands hosts, String host, String script, String what, List<String> log) throws SshFailure, InterruptedException {
        log.add(host + ": " + what);
        HostCommands.Result result = hosts.runAsRoot(host, script, STEP_TIMEOUT);
        String said = (result.stdout() + result.stderr()).strip();
        if (!said.isEmpty()) {
            log.add(said);
        }
        if (!result.ok()) {
            throw new IllegalStateException(what + " failed on " + host + " (exit " + result.exitStatus() + ")" + (said.isEmpty() ? "" : ": " + said));
        }
    }
}
