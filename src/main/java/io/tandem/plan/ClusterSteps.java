package io.tandem.plan;

import io.tandem.facts.ClusterStatus;
import io.tandem.facts.CrmMonParser;
import io.tandem.facts.FactParseException;
import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Corosync's key, the cluster stack started on Tandem's configuration, the membership of both
 * nodes, Tandem's part of the CIB, and the resources running.
 */
public final class ClusterSteps {

    public static final String AUTHKEY = "/etc/corosync/authkey";
    private static final Duration SHORT = Duration.ofMinutes(3);
    private static final int KEY_BYTES = 256;

    private ClusterSteps() {
    }

    /** Size, mode, owner and a hash of the key (never its bytes: a hash of 256 random bytes reveals nothing). */
    static Probe keyProbe(String node) {
        return new Probe(node, "corosync-key", "f=" + AUTHKEY + "; if [ -f \"$f\" ]; then stat -c '%s %a %U' \"$f\"; sha256sum < \"$f\"; fi; true");
    }

    /** The key's hash when it is there with size ≥ 128, mode 0400 and owner root. */
    static Optional<String> goodKey(String output) {
        String[] lines = output.strip().split("\n");
        if (lines.length != 2) {
            return Optional.empty();
        }
        String[] stat = lines[0].split(" ");
        boolean ok = stat.length == 3 && stat[0].matches("\\d+") && Long.parseLong(stat[0]) >= 128 && stat[1].equals("400") && stat[2].equals("root");
        // sha256sum prints "HASH  -"
        return ok ? Optional.of(lines[1].strip().split(" ")[0]) : Optional.empty();
    }

    public static Step authkey(List<String> nodes) {
        List<Probe> probes = nodes.stream().map(ClusterSteps::keyProbe).toList();
        Check check = Check.on("both nodes have the same corosync key, mode 0400", probes, results -> {
            List<Optional<String>> keys = probes.stream().map(p -> results.text(p).flatMap(ClusterSteps::goodKey)).toList();
            return keys.stream().allMatch(Optional::isPresent) && keys.stream().map(Optional::get).distinct().count() == 1;
        });
        // One key for all nodes, made here when the step runs, kept in memory only, sent on stdin.
        byte[][] key = new byte[1][];
        List<Action> actions = new ArrayList<>();
        for (String node : nodes) {
            actions.add(new Action(node, "write a new random corosync key (" + KEY_BYTES + " bytes, made on this workstation, never shown) to "
                    + AUTHKEY + ", mode 0400", remote -> {
                synchronized (key) {
                    if (key[0] == null) {
                        key[0] = new byte[KEY_BYTES];
                        new SecureRandom().nextBytes(key[0]);
                    }
                }
                ExecResult result = remote.run(RemoteCommand.script(FileWrite.overwriting(AUTHKEY, 0400, remote.runStamp())), key[0], SHORT, l -> { });
                if (!result.ok()) {
                    throw StepFailure.of(RemoteCommand.script("write " + AUTHKEY), result);
                }
            }));
        }
        return new Step("corosync-key", Phase.CLUSTER, nodes, "Give both nodes the same new corosync key (" + AUTHKEY
                + ", 0400): it authenticates and encrypts the cluster's traffic", check, actions,
                "the previous key is in the run's backup folder", Optional.empty(), List.of());
    }

    /** The stack's units: corosync and pacemaker, and sbd with SBD fencing. */
    static List<String> stackUnits(boolean sbd) {
        return sbd ? List.of("corosync", "pacemaker", "sbd") : List.of("corosync", "pacemaker");
    }

    /** {@code UNIT ENABLED ACTIVE} for each unit of the stack, then {@code name CLUSTER} (empty while corosync is not active). */
    static Probe stackProbe(String node, boolean sbd) {
        return UnitRead.probe(node, "cluster-stack", new UnitRead(stackUnits(sbd), List.of()),
                seen -> seen.lines(stackUnits(sbd)).map(lines -> lines + "name " + seen.clusterName().strip() + "\n"));
    }

    static boolean stackRunning(String output, String clusterName, boolean sbd) {
        List<String> lines = output.lines().toList();
        return stackUnits(sbd).stream().allMatch(u -> lines.contains(u + " enabled active")) && lines.contains("name " + clusterName);
    }

    /** Restarting corosync also (re)starts sbd when it is enabled: sbd.service is RequiredBy and PartOf corosync. */
    public static Step startStack(String node, String clusterName, boolean sbd) {
        Probe probe = stackProbe(node, sbd);
        Check check = Check.of(String.join(", ", stackUnits(sbd)) + " run cluster " + clusterName + " on " + node + " and start at boot", probe,
                out -> stackRunning(out, clusterName, sbd));
        RemoteCommand command = RemoteCommand.script("systemctl enable corosync pacemaker && systemctl restart corosync && systemctl restart pacemaker");
        return Step.on(node, Phase.CLUSTER, "cluster-start:" + node, "Start corosync" + (sbd ? " (and with it sbd)" : "") + " and pacemaker on "
                        + node + " with Tandem's configuration",
                check, "systemctl disable --now pacemaker corosync", new Action(node, command.display(), remote -> remote.require(command, SHORT)));
    }

    static Probe crmMon(String node) {
        return new Probe(node, "crm-mon", CrmMonParser.COMMAND + " 2>/dev/null");
    }

    static Optional<ClusterStatus> status(String output) {
        try {
            return Optional.of(CrmMonParser.parse(output));
        } catch (FactParseException e) {
            return Optional.empty();
        }
    }

    static boolean allOnline(Optional<ClusterStatus> status, List<String> nodes) {
        return status.map(s -> nodes.stream().allMatch(n -> s.node(n).map(ClusterStatus.Node::online).orElse(false))).orElse(false);
    }

    public static Step membership(String node, List<String> nodes) {
        Probe probe = crmMon(node);
        Check check = Check.of("Pacemaker sees " + String.join(" and ", nodes) + " online", probe, out -> allOnline(status(out), nodes));
        RemoteCommand poll = RemoteCommand.script(CrmMonParser.COMMAND + " 2>/dev/null");
        Action wait = new Action(node, "wait until crm_mon shows " + String.join(" and ", nodes) + " online", remote ->
                Waiting.until(remote, poll, r -> {
                    Optional<ClusterStatus> s = status(r.stdout());
                    if (allOnline(s, nodes)) {
                        return Waiting.Seen.finished();
                    }
                    return Waiting.Seen.waiting(s.map(st -> "online: " + String.join(" ", st.nodes().stream().filter(ClusterStatus.Node::online)
                            .map(ClusterStatus.Node::name).toList())).orElse("pacemaker not answering yet"));
                }, Duration.ofMinutes(5), Duration.ofSeconds(3), "both nodes are online in the cluster"));
        return Step.on(node, Phase.CLUSTER, "cluster-members", "Wait until both nodes have joined the cluster", check, "nothing to undo", wait);
    }

    static Probe cibProbe(String node) {
        return new Probe(node, "cib", "cibadmin -Q 2>/dev/null");
    }

    /** Loads Tandem's part of the CIB: only its own resources, constraints and settings are created or replaced. */
    public static Step cib(String node, String desiredXml) {
        Probe probe = cibProbe(node);
        Check check = Check.of("the live CIB holds Tandem's resources, constraints and settings as rendered", probe,
                out -> !out.isBlank() && converged(out, desiredXml));
        Action load = new Action(node, "cibadmin -Q; put Tandem's resources, constraints and settings in (nothing else changes); "
                + "crm_diff against the live CIB; cibadmin --patch", remote -> {
            ExecResult live = remote.read(RemoteCommand.script("cibadmin -Q"), SHORT);
            String merged = CibMerge.merged(live.stdout(), desiredXml);
            byte[] both = (live.stdout().strip() + "\n" + SPLIT + "\n" + merged + "\n").getBytes(StandardCharsets.UTF_8);
            ExecResult result = remote.run(RemoteCommand.script(PATCH_SCRIPT), both, SHORT, l -> { });
            if (!result.ok()) {
                throw StepFailure.of(RemoteCommand.script("cibadmin --patch (Tandem's resources)"), result);
            }
        });
        return Step.on(node, Phase.RESOURCES, "cib", "Load Tandem's resources, constraints and cluster settings into the CIB "
                + "(what someone else configured there stays)", check, "cibadmin --delete the elements Tandem added", load);
    }

    /**
     * Takes the port block pair out of a cluster applied when Tandem still framed LioTarget with it.
     * Left to the CIB merge, the group's replacement would make both orphans at once, stopped in any
     * order: p_unblock's stop blocks the port and p_block's stop unblocks it, so the clients could be
     * left blocked for good. Here p_unblock goes first and its stop is waited for, then p_block: the
     * port is blocked only between the two (the clients retry meanwhile, no I/O error).
     */
    public static Step retirePortblock(String node) {
        // A node that never had a cluster has no CIB file: nothing to retire, and a new user's plan does not list the step.
        // A CIB file that cannot be read (Pacemaker stopped) counts as not done, as everywhere: checked again when its turn comes.
        // No exit here: a host's probes run one after another in one script, and an exit would end them all.
        Probe probe = cibFileProbe(node);
        Check check = Check.of("no port block pair (p_block, p_unblock) in the CIB: LioTarget opens its portal only after its LUNs",
                probe, out -> cibFileDone(out, cib -> !PORTBLOCK_PAIR.matcher(cib).find()));
        Action retire = new Action(node, "cibadmin --delete p_unblock; crm_resource --wait; cibadmin --delete p_block; crm_resource --wait",
                remote -> {
                    ExecResult result = remote.run(RemoteCommand.script(RETIRE_PORTBLOCK_SCRIPT), new byte[0], Duration.ofMinutes(12), l -> { });
                    if (!result.ok()) {
                        throw StepFailure.of(RemoteCommand.script("cibadmin --delete p_unblock, p_block"), result);
                    }
                });
        return Step.on(node, Phase.RESOURCES, "retire-portblock", "Take out the port block pair that earlier Tandem versions put around the target, "
                + "if the cluster has it (the clients pause a few seconds between the two)", check, "the next plan puts them back only if the target's agent needs them",
                retire);
    }

    /**
     * The live CIB where the node has a CIB file, else {@link #NO_CIB}: what the migrations of clusters applied by earlier
     * versions read (one probe for all of them).
     */
    static Probe cibFileProbe(String node) {
        return new Probe(node, "cib-file", "if [ -e " + CIB_FILE + " ]; then cibadmin -Q 2>/dev/null; else echo '" + NO_CIB + "'; fi");
    }

    /**
     * How a migration reads {@link #cibFileProbe}'s answer: done on a node that never had a cluster, not done when no CIB
     * came back (checked again when the step's turn comes), else whatever {@code doneOnCib} says of the CIB read.
     */
    static boolean cibFileDone(String out, Predicate<String> doneOnCib) {
        return out.strip().equals(NO_CIB) || out.contains("<cib") && doneOnCib.test(out);
    }

    /** Where Pacemaker keeps the CIB on disk; absent on a node that never ran a cluster. */
    public static final String CIB_FILE = "/var/lib/pacemaker/cib/cib.xml";
    /** What {@link #cibFileProbe} answers on a node without {@link #CIB_FILE}. */
    public static final String NO_CIB = "no CIB on this node: no cluster configured yet";
    static final Pattern PORTBLOCK_PAIR = Pattern.compile("<primitive[^>]*\\sid=\"p_(un)?block\"");
    /** Each removal waits until the cluster has stopped the orphan (crm_resource --wait: no action left to run). */
    static final String RETIRE_PORTBLOCK_SCRIPT = String.join("\n",
            "set -e",
            "for id in p_unblock p_block; do",
            "  if cibadmin -Q --scope resources | grep -q \"<primitive[^>]* id=\\\"$id\\\"\"; then",
            "    cibadmin --delete --xml-text \"<primitive id=\\\"$id\\\"/>\"",
            "    crm_resource --wait --timeout=300s",
            "  fi",
            "done",
            "");

    private static boolean converged(String live, String desired) {
        try {
            return CibMerge.converged(live, desired);
        } catch (IllegalArgumentException notXml) {
            return false;
        }
    }

    static final String SPLIT = "@@TANDEM-CIB-SPLIT@@";
    /**
     * Both CIBs arrive on stdin (they may hold CHAP secrets): kept in a 0700 folder only while crm_diff runs. The patch
     * carries no version, as pcs pushes: the status section's counters move all the time and would make it stale.
     */
    static final String PATCH_SCRIPT = "set -e\numask 077\nmkdir -p /var/lib/tandem\nd=$(mktemp -d /var/lib/tandem/cib.XXXXXX)\n"
            + "trap 'rm -rf \"$d\"' EXIT\ncat > \"$d/both\"\n"
            + "sed '/^" + SPLIT + "$/,$d' \"$d/both\" > \"$d/live.xml\"\nsed '1,/^" + SPLIT + "$/d' \"$d/both\" > \"$d/new.xml\"\n"
            + "rc=0; crm_diff --no-version --original \"$d/live.xml\" --new \"$d/new.xml\" > \"$d/patch.xml\" || rc=$?\n"
            + "[ \"$rc\" -eq 0 ] && exit 0\n[ \"$rc\" -eq 1 ] || exit \"$rc\"\n"
            + "cibadmin --patch --xml-file \"$d/patch.xml\"\n";

    static boolean running(Optional<ClusterStatus> status, List<String> ids) {
        return status.map(s -> ids.stream().allMatch(id -> {
            List<ClusterStatus.Resource> instances = s.instances(id);
            return !instances.isEmpty() && instances.stream().anyMatch(ClusterStatus.Resource::active)
                    && instances.stream().noneMatch(ClusterStatus.Resource::failed);
        })).orElse(false);
    }

    static String where(ClusterStatus s, List<String> ids) {
        List<String> parts = new ArrayList<>();
        for (String id : ids) {
            List<String> on = s.instances(id).stream().filter(ClusterStatus.Resource::active)
                    .map(r -> r.nodes().stream().findFirst().orElse("?") + ("Started".equals(r.role()) ? "" : " (" + r.role() + ")")).toList();
            parts.add(id + ": " + (on.isEmpty() ? "stopped" : String.join(", ", on)));
        }
        return String.join("; ", parts);
    }

    public static Step resourcesRunning(String node, List<String> ids) {
        Probe probe = crmMon(node);
        Check check = Check.of("every Tandem resource runs and none failed: " + String.join(" ", ids), probe, out -> running(status(out), ids));
        RemoteCommand poll = RemoteCommand.script(CrmMonParser.COMMAND + " 2>/dev/null");
        Action wait = new Action(node, "wait until crm_mon shows every resource running", remote -> {
            Waiting.until(remote, poll, r -> {
                Optional<ClusterStatus> s = status(r.stdout());
                return running(s, ids) ? Waiting.Seen.finished() : Waiting.Seen.waiting(s.map(st -> where(st, ids)).orElse("pacemaker not answering"));
            }, Duration.ofMinutes(10), Duration.ofSeconds(3), "every resource runs");
            status(remote.require(poll, SHORT).stdout()).ifPresent(s -> remote.progress("running: " + where(s, ids)));
        });
        return Step.on(node, Phase.RESOURCES, "resources-running", "Wait until every resource runs, and report where", check,
                "nothing to undo", wait);
    }
}
