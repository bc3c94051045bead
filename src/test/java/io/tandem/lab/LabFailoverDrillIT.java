package io.tandem.lab;

import io.tandem.failover.Pause;
import io.tandem.failover.ProbeLog;
import io.tandem.model.Lun;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.Renderers;
import io.tandem.ssh.ExecResult;
import io.tandem.ssh.HostKeyStore;
import io.tandem.ssh.RemoteCommand;
import io.tandem.ssh.SshConnection;
import io.tandem.testing.LabEnv;
import io.tandem.testing.RealTools;
import io.tandem.text.ShellQuote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real failover drill in the namespace lab: the tgt target group (VIP, target, LUNs, as rendered)
 * moves from node1 to node2 and back while the client writes and reads through libiscsi, and Tandem measures
 * the pause and verifies the data with its own {@link ProbeLog} and {@link Pause}.
 *
 * <p>As in {@link LabTgtTargetIT}, each node runs its own tgtd in its network namespace (control
 * socket in its part of the work directory) and members start and stop with {@code crm_resource
 * --force-start/--force-stop} on the rendered CIB. The LUNs of both nodes are backed by the same
 * sparse files: the stand-in for DRBD's replicated disk (one machine, one page cache). The client
 * has no kernel initiator, so the probe is {@code probe-libiscsi.py}, probe.py's I/O over libiscsi,
 * which holds and retries an I/O across the move as the kernel's replacement_timeout would.
 */
class LabFailoverDrillIT {

    private static final Duration T = Duration.ofSeconds(60);
    private static final String VIP = LabTgt.VIP;
    private static final String OCF_DIR = LabTgt.OCF_DIR;
    private static final List<String> NODES = List.of("node1", "node2");
    private static final int LUN_MIB = 16;
    /** Seconds of I/O before and after the move. */
    private static final long SETTLE = 5;

    private LabEnv lab;
    @TempDir
    Path dir;
    private HostKeyStore store;
    private final Map<String, SshConnection> nodes = new LinkedHashMap<>();
    private SshConnection client;
    private SshConnection probeSession;
    private String work;
    private Project project;
    private FileSet files;
    private List<String> group = List.of();

    @BeforeEach
    void workDirectory() throws Exception {
        lab = LabEnv.require();
        // iscsi-ls stands for libiscsi-bin, which brings the libiscsi.so.7 the probe loads.
        RealTools.require("crm_resource", "tgtd", "tgtadm", "iscsi-ls", "iptables", "python3");
        store = new HostKeyStore(List.of(), dir.resolve("known_hosts"));
        nodes.put("node1", SshConnection.open(LabTgt.login(lab, store, lab.node1())));
        nodes.put("node2", SshConnection.open(LabTgt.login(lab, store, lab.node2())));
        client = SshConnection.open(LabTgt.login(lab, store, lab.get("LAB_CLIENT_ADDRESS")));
        probeSession = SshConnection.open(LabTgt.login(lab, store, lab.get("LAB_CLIENT_ADDRESS")));
        for (var node : nodes.entrySet()) {
            assertThat(node.getValue().runAsRoot(RemoteCommand.script("for p in $(pgrep -x tgtd); do\n"
                    + "    [ \"$(readlink /proc/$p/ns/net)\" = \"$(readlink /proc/self/ns/net)\" ] && echo \"tgtd $p\"\ndone\n"
                    + "ip -o addr | grep -F ' " + VIP + "/'; true"), T).stdout())
                    .as("no tgtd in " + node.getKey() + "'s namespace and no one holds the test's VIP " + VIP).isEmpty();
        }
        // One work directory for both nodes (the lab's hosts share this machine's /tmp): the LUN files at its top, each node's own part below.
        work = nodes.get("node1").runAsRoot(RemoteCommand.script("d=$(mktemp -d " + lab.get("LAB_DIR") + "/drill.XXXXXX) && chmod 700 \"$d\""
                + " && mkdir \"$d/node1\" \"$d/node2\" && echo \"$d\""), T).stdout().strip();
        assertThat(work).startsWith(lab.get("LAB_DIR") + "/drill.");
    }

    /** Whatever happened: the probe stopped, the group stopped on both nodes, tgtds gone, no VIP or rule left, overlays unmounted, the work directory removed. */
    @AfterEach
    void cleanUp() throws Exception {
        if (work == null) {
            closeAll();
            return;
        }
        try {
            client.runAsRoot(RemoteCommand.script("touch " + ShellQuote.quote(work + "/probe.stop") + "\n"
                    + "p=$(cat " + ShellQuote.quote(work + "/probe.pid") + " 2>/dev/null) && sleep 1 && kill \"$p\" 2>/dev/null; true"), T);
            for (String node : NODES) {
                StringBuilder script = new StringBuilder(environment(node));
                for (String id : group.reversed()) {
                    script.append("crm_resource --force-stop -r ").append(id).append(" >/dev/null 2>&1\n");
                }
                script.append("[ -f \"$d/tgtd.pid\" ] && p=$(cat \"$d/tgtd.pid\") && kill -0 \"$p\" 2>/dev/null && {\n"
                        + "    tgtadm --op delete --mode system >/dev/null 2>&1; sleep 1; kill -9 \"$p\" 2>/dev/null; }\n"
                        + "ip addr del " + VIP + "/24 dev eth0 2>/dev/null\n"
                        + "iptables -S INPUT | grep -F ' " + VIP + "/32 ' | sed 's/^-A /-D /' | while read -r rule; do eval \"iptables $rule\"; done\n"
                        + "mountpoint -q " + OCF_DIR + " && umount " + OCF_DIR + "\ntrue\n");
                nodes.get(node).runAsRoot(RemoteCommand.script(script.toString()), T);
            }
            nodes.get("node1").runAsRoot(RemoteCommand.script("rm -rf " + ShellQuote.quote(work)), T);
            Path journal = dir.resolve("journal.jsonl");
            if (java.nio.file.Files.exists(journal)) {
                for (String run : new io.tandem.apply.Journal(journal).read().stream().map(e -> e.run()).distinct().toList()) {
                    nodes.get("node1").runAsRoot(RemoteCommand.script("rm -rf /var/lib/tandem/backup/" + run), T);
                }
            }
        } finally {
            closeAll();
        }
    }

    private void closeAll() {
        nodes.values().forEach(SshConnection::close);
        for (SshConnection c : new SshConnection[] {client, probeSession}) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** Shell lines that point crm_resource, the agents and tgtadm at this node's part of the work directory ($d). */
    private String environment(String node) {
        return "w=" + ShellQuote.quote(work) + "\nd=\"$w/" + node + "\"\n"
                + "export CIB_file=\"$d/cib.xml\" TGT_IPC_SOCKET=\"$d/tgtd.sock\" HA_RSCTMP=\"$d/rsctmp\"\n";
    }

    private ExecResult on(String node, String script) throws Exception {
        return nodes.get(node).runAsRoot(RemoteCommand.script(environment(node) + script), T);
    }

    private String lunFile(Lun lun) {
        return work + "/lun" + lun.number() + ".img";
    }

    private String masked(String text) {
        return files.secrets().hide(text);
    }

    private void startGroup(String node) throws Exception {
        for (String id : group) {
            ExecResult start = on(node, "crm_resource --force-start -r " + id);
            assertThat(start.exitStatus()).as("start " + id + " on " + node + ": " + masked(start.stdout() + start.stderr())).isZero();
        }
    }

    private void stopGroup(String node) throws Exception {
        for (String id : group.reversed()) {
            ExecResult stop = on(node, "crm_resource --force-stop -r " + id);
            assertThat(stop.exitStatus()).as("stop " + id + " on " + node + ": " + masked(stop.stdout() + stop.stderr())).isZero();
        }
    }

    /** Starts the probe on the client against the VIP (secrets through stdin into its environment); the future completes with its output. */
    private CompletableFuture<ExecResult> startProbe(Lun lun, AtomicInteger completed) throws Exception {
        byte[] probe;
        try (InputStream in = LabFailoverDrillIT.class.getResourceAsStream("probe-libiscsi.py")) {
            probe = in.readAllBytes();
        }
        client.upload(work + "/probe-libiscsi.py", probe, 0600, "root:root", T);
        var incoming = project.chap().incoming();
        var outgoing = project.chap().outgoing();
        String script = "IFS= read -r LIBISCSI_CHAP_PASSWORD; IFS= read -r LIBISCSI_CHAP_TARGET_PASSWORD\n"
                + "export PROBE_INITIATOR=" + ShellQuote.quote(project.initiators().getFirst().iqn())
                + " LIBISCSI_CHAP_USERNAME=" + ShellQuote.quote(incoming.user()) + " LIBISCSI_CHAP_PASSWORD"
                + " LIBISCSI_CHAP_TARGET_USERNAME=" + ShellQuote.quote(outgoing.user()) + " LIBISCSI_CHAP_TARGET_PASSWORD\n"
                + "cd " + ShellQuote.quote(work) + " && echo $$ > probe.pid\n"
                + "exec python3 -u probe-libiscsi.py " + VIP + ":3260 " + ShellQuote.quote(project.target().iqn()) + " " + lun.number()
                + " 4096 100 120 \"$PWD/probe.stop\" drill\n";
        byte[] stdin = (incoming.secret().reveal() + "\n" + outgoing.secret().reveal() + "\n").getBytes(StandardCharsets.UTF_8);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return probeSession.runAsRoot(RemoteCommand.script(script), stdin, Duration.ofSeconds(180), line -> {
                    if (line.contains(" OK ")) {
                        completed.incrementAndGet();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theTargetMovesToNode2AndBackWhileTheClientWritesAndNoAcknowledgedWriteIsLost() throws Exception {
        project = LabTgt.project(lab);
        files = Renderers.render(project);
        String cib = LabTgt.labCib(project, files, this::lunFile);
        group = LabTgt.groupMembers(cib);
        StringBuilder luns = new StringBuilder();
        for (Lun lun : project.target().luns()) {
            luns.append("truncate -s ").append(LUN_MIB).append("M ").append(ShellQuote.quote(lunFile(lun))).append('\n');
        }
        assertThat(on("node1", luns.toString()).exitStatus()).isZero();
        for (String node : NODES) {
            ExecResult setup = on(node, "mkdir -p \"$d/ocf/upper\" \"$d/ocf/work\" \"$d/rsctmp\"\n"
                    + "mount -t overlay tandem-lab-ocf -o \"lowerdir=" + OCF_DIR + ",upperdir=$d/ocf/upper,workdir=$d/ocf/work\" " + OCF_DIR + "\n"
                    + "setsid tgtd -f </dev/null >\"$d/tgtd.log\" 2>&1 & echo $! > \"$d/tgtd.pid\"\n"
                    + "for i in $(seq 50); do tgtadm --op show --mode system >/dev/null 2>&1 && exit 0; sleep 0.1; done; exit 1\n");
            assertThat(setup.exitStatus()).as("lab setup on " + node + ": " + setup.stderr()).isZero();
            nodes.get(node).upload(work + "/" + node + "/cib.xml", cib.getBytes(StandardCharsets.UTF_8), 0600, "root:root", T);
        }
        LabTgt.applyTandemsAgents(lab, store, project, dir.resolve("journal.jsonl"), NODES);
        startGroup("node1");

        AtomicInteger completed = new AtomicInteger();
        CompletableFuture<ExecResult> probe = startProbe(project.target().luns().getFirst(), completed);
        long deadline = System.nanoTime() + T.toNanos();
        while (completed.get() == 0 && !probe.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(completed.get()).as("the probe's first I/O through node1").isPositive();
        Thread.sleep(SETTLE * 1000);

        // The failover and the switch back: everything leaves one node in reverse order, then starts on the other.
        List<Move> moves = new ArrayList<>();
        for (String[] hop : new String[][] {{"node1", "node2"}, {"node2", "node1"}}) {
            double from = System.currentTimeMillis() / 1000.0;
            stopGroup(hop[0]);
            startGroup(hop[1]);
            moves.add(new Move(hop[0], hop[1], from, System.currentTimeMillis() / 1000.0));
            Thread.sleep(SETTLE * 1000);
        }
        client.runAsRoot(RemoteCommand.script("touch " + ShellQuote.quote(work + "/probe.stop")), T);
        ExecResult run = probe.get(120, TimeUnit.SECONDS);
        assertThat(run.exitStatus()).as("probe: " + masked(run.stderr())).isZero();

        ProbeLog log = ProbeLog.parse(run.stdout());
        ProbeLog.ReadBack verify = log.readBack().orElseThrow(() -> new AssertionError("no VERIFY line: " + masked(run.stdout() + run.stderr())));
        for (int m = 0; m < moves.size(); m++) {
            Move move = moves.get(m);
            // Each move's window runs from its start to the next move's (or the end of the log).
            double windowEnd = m + 1 < moves.size() ? moves.get(m + 1).from() : Double.POSITIVE_INFINITY;
            double pause = Pause.longest(log, move.from(), windowEnd).map(Pause::seconds).orElse(-1.0);
            long before = log.ios().stream().filter(i -> i.ok() && i.end() < move.from()).count();
            long after = log.ios().stream().filter(i -> i.ok() && i.start() > move.to() && i.end() < windowEnd).count();
            boolean pass = before > 0 && after > 0 && log.errors().isEmpty() && verify.acknowledged() > 0 && verify.intact() && pause > 0 && pause < 60;
            System.out.printf("LAB drill %s->%s  pause %.1f s  errors %d  lost %d  %s   (move %.1f s, %d I/Os before, %d after, acked %d)%n",
                    move.source(), move.destination(), pause, log.errors().size(), verify.lost(), pass ? "PASS" : "FAIL",
                    move.to() - move.from(), before, after, verify.acknowledged());
            assertThat(before).as("I/O before the move " + move).isPositive();
            assertThat(after).as("I/O through " + move.destination() + " after the move " + move).isPositive();
            assertThat(pause).as("the longest pause of " + move + ", measured").isGreaterThan(0).isLessThan(60);
        }

        // The I/Os the probe held across the moves (the kernel initiator's replacement_timeout, in libiscsi).
        log.ios().stream().filter(i -> i.latencyMs() > 1000).forEach(i -> System.out.printf("LAB drill   held %c %d for %.1f s, %s%n",
                i.op(), i.sequence(), i.latencyMs() / 1000, i.ok() ? "then OK" : "then " + i.error()));

        assertThat(log.errors()).as("no I/O error: the probe held its I/O across the moves").isEmpty();
        assertThat(verify.acknowledged()).isPositive();
        assertThat(verify.lost()).as("lost").isZero();
        assertThat(verify.corrupt()).as("corrupt").isZero();
        assertThat(verify.unreadable()).as("unreadable").isZero();
        assertThat(on("node2", "tgtadm --lld iscsi --op show --mode target; ip -o addr | grep -F ' " + VIP + "/'; true").stdout())
                .as("node2 holds neither target nor VIP after the switch back").isEmpty();
        assertThat(on("node1", "ip -o addr | grep -F ' " + VIP + "/'").exitStatus()).as("node1 holds the VIP again").isZero();
    }

    /** One move of the group, with the wall-clock times (epoch seconds) it began and ended. */
    private record Move(String source, String destination, double from, double to) {
        @Override
        public String toString() {
            return source + "->" + destination;
        }
    }
}
