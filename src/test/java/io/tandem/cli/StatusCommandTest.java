package io.tandem.cli;

import io.tandem.monitor.Scenario;
import io.tandem.monitor.StatusDocument;
import io.tandem.monitor.StatusScript;
import io.tandem.monitor.StatusSource;
import io.tandem.monitor.Verdict;
import io.tandem.monitor.VmLabScenarios;
import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import io.tandem.testing.RealTools;
import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static io.tandem.testing.Fixtures.vmlab;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tandem status} with the VM lab's captures behind a prepared source (the SSH source is the
 * only thing replaced): text, JSON, the Prometheus textfile, --watch, exit codes; and with the
 * real SSH source against a port on loopback that nobody listens on.
 */
class StatusCommandTest {

    private static final String PROJECT = Examples.VM_LAB_SBD.toString();

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static Run tandem(StatusSource source, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == StatusCommand.class ? type.cast(new StatusCommand((p, h, e, i) -> source)) : CommandLine.defaultFactory().create(type);
            }
        };
        int code = TandemCommand.execute(args, new PrintWriter(out), new PrintWriter(err), factory);
        return new Run(code, out.toString(), err.toString());
    }

    private static Scenario bond0Down() {
        return VmLabScenarios.healthy().fact("node1", StatusScript.BONDING, "@@BOND bond0\n" + vmlab("node1.bond0-eth0-down.proc_net_bonding_bond0.txt")
                + "@@BOND bond1\n" + vmlab("node1.bonded.proc_net_bonding_bond1.txt"));
    }

    @Test
    void aHealthyClusterPrintsItsFactsAndExitsZero() {
        Run run = tandem(VmLabScenarios.healthy().source(), "status", "--project", PROJECT);

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("Cluster vmlab: HEALTHY (the storage is served with full redundancy and no standing risk)")
                .contains("node1  online, serves the target  up ", "node2  online  up ", "rtt to node2: client 0.07 ms, replication 0.03 ms",
                        "r0 on node1  Connected  Primary/Secondary  UpToDate/UpToDate",
                        "bond0 on node1  up, active eth0: eth0 up, eth1 up",
                        "iqn.2024-01.test.lab:store at 192.168.50.100:3260, served by node1; LUNs 0, 1",
                        "session of iqn.2024-01.test.lab:client from 192.168.50.20",
                        "client  LOGGED_IN to iqn.2024-01.test.lab:store via 192.168.50.100:3260, LUN 0 sdb (latency measured from the second "
                                + "read on), LUN 1 sda (latency measured from the second read on), replacement_timeout 180 s",
                        "/dev/disk/by-id/virtio-tandem-sbd on node1  node1 clear, node2 clear")
                .doesNotContain("Fix:");
    }

    @Test
    void aFindingIsPrintedWithItsFixAndExitsOne() {
        Run run = tandem(bond0Down().source(), "status", "--project", PROJECT);

        assertThat(run.code()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.out()).contains("Cluster vmlab: DEGRADED",
                "DEGRADED  bond0 on node1 runs on one NIC: eth0 is down (1 link failure counted). One more cable or port fault cuts node1's "
                        + "client network. (bond.slave-down)",
                "          Fix: Check the cable and switch port of eth0 on node1",
                "bond0 on node1  up, active eth1: eth0 DOWN (1 link failure), eth1 up");
    }

    @Test
    void jsonIsAStableDocumentThatReadsBackEqual() throws Exception {
        Run run = tandem(bond0Down().source(), "status", "--project", PROJECT, "--json");

        assertThat(run.code()).isEqualTo(ExitCodes.CHECK_FAILED);
        StatusDocument doc = StatusPrinter.readJson(run.out());
        assertThat(StatusPrinter.json(doc, true)).isEqualTo(run.out().strip());
        assertThat(doc.schema()).isEqualTo(StatusDocument.SCHEMA);
        assertThat(doc.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(doc.findings()).extracting(f -> f.code()).containsExactly("bond.slave-down");
        assertThat(doc.drbd()).hasSize(4).allSatisfy(d -> assertThat(d.connection()).isEqualTo("Connected"));
        assertThat(doc.bonds()).filteredOn(b -> b.node().equals("node1") && b.bond().equals("bond0")).singleElement()
                .satisfies(b -> assertThat(b.activeSlave()).isEqualTo("eth1"));
        assertThat(doc.target().luns()).containsExactly(0, 1);
        assertThat(doc.clients().getFirst().sessions().getFirst().replacementTimeoutSeconds()).isEqualTo(180);
        assertThat(run.out()).contains("\"verdict\" : \"DEGRADED\"", "\"code\" : \"bond.slave-down\"");
    }

    @Test
    void thePrometheusFileIsValidTextfileFormatWrittenAtomically() throws Exception {
        Path file = dir.resolve("tandem.prom");
        Run run = tandem(VmLabScenarios.healthy().fact("node2", StatusScript.PROC_DRBD, vmlab("node2.syncing.proc_drbd.txt"))
                .fact("node1", StatusScript.PROC_DRBD, vmlab("node1.syncing.proc_drbd.txt")).source(), "status", "--project", PROJECT,
                "--prometheus", file.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.CHECK_FAILED);
        String text = Files.readString(file);
        assertThat(text).contains("tandem_cluster_verdict{cluster=\"vmlab\"} 2\n", "tandem_node_online{cluster=\"vmlab\",node=\"node1\"} 1\n",
                "tandem_drbd_connected{cluster=\"vmlab\",resource=\"r0\",node=\"node2\"} 1\n",
                "tandem_drbd_sync_percent{cluster=\"vmlab\",resource=\"r0\",node=\"node1\"} 11.4\n",
                "tandem_drbd_out_of_sync_bytes{cluster=\"vmlab\",resource=\"r0\",node=\"node1\"} " + 932796L * 1024 + "\n",
                "tandem_bond_slaves_up{cluster=\"vmlab\",node=\"node1\",bond=\"bond1\"} 2\n",
                "tandem_iscsi_sessions{cluster=\"vmlab\",client=\"client\"} 1\n", "# TYPE tandem_status_read_seconds gauge\n");
        assertTextfileFormat(text);
        assertThat(Files.list(dir)).as("no temporary file left beside it").containsExactly(file);
        assertThat(Files.getPosixFilePermissions(file)).as("node_exporter runs as another user").contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);

        RealTools.require("promtool");
        LocalCommand.Output check = LocalCommand.run(List.of("sh", "-c", "promtool check metrics < " + file), Map.of(), dir, Duration.ofSeconds(30));
        assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isZero();
    }

    /** The exposition format's rules the textfile collector enforces: HELP and TYPE once per metric, before its samples, then samples only. */
    static void assertTextfileFormat(String text) {
        Pattern sample = Pattern.compile("([a-z_]+)\\{([a-z_]+=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\")(,[a-z_]+=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\")*} "
                + "(-?[0-9.]+(e[+-]?[0-9]+)?|[+-]Inf|NaN)");
        java.util.Set<String> seen = new java.util.HashSet<>();
        String current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ")) {
                current = line.split(" ")[2];
                assertThat(seen.add(current)).as("one family per metric: " + current).isTrue();
            } else if (line.startsWith("# TYPE ")) {
                assertThat(line).isEqualTo("# TYPE " + current + " gauge");
            } else {
                var m = sample.matcher(line);
                assertThat(m.matches()).as(line).isTrue();
                assertThat(m.group(1)).as("a sample under its own HELP").isEqualTo(current);
            }
        }
        assertThat(text).endsWith("\n");
    }

    @Test
    void aHostThatDoesNotAnswerIsAFindingNotAStackTrace() {
        Run run = tandem(VmLabScenarios.healthy().silent("node2", "connection refused").source(), "status", "--project", PROJECT);

        assertThat(run.code()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.out()).contains("DEGRADED  node2 did not answer over SSH (connection refused)", "(host.unreachable)")
                .doesNotContain("Exception", "\tat ");
    }

    /** The real SSH source: every host of the project on a loopback port where nothing listens. */
    @Test
    void overRealSshAClosedPortIsAFindingWithExitOne() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        JsonEdit edit = JsonEdit.of(Examples.VM_LAB_SBD);
        for (String host : List.of("$.nodes[0]", "$.nodes[1]", "$.initiators[0]")) {
            edit.set(host + ".ssh.address", "127.0.0.1").set(host + ".ssh.port", port);
        }
        Path project = Files.writeString(dir.resolve("loopback.tandem.json"), edit.json());
        Path key = dir.resolve("id_ed25519");
        RealTools.require("ssh-keygen");
        assertThat(LocalCommand.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()), Map.of(), dir,
                Duration.ofSeconds(30)).exitCode()).isZero();

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TandemCommand.execute(new String[] {"status", "--project", project.toString(), "-i", key.toString(), "--known-hosts",
                dir.resolve("kh").toString()}, new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(out.toString()).contains("Cluster vmlab: DOWN", "No node answered", "node1 did not answer over SSH")
                .doesNotContain("Exception", "\tat ");
        assertThat(err.toString()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void badInputExitsTwoNamingTheFileOrTheOption() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.tandem.json"), "{ \"schemaVersion\": 1, ");
        Run unreadable = tandem(VmLabScenarios.healthy().source(), "status", "--project", broken.toString());
        assertThat(unreadable.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unreadable.err()).contains("Cannot read project " + broken).doesNotContain("Exception");

        Path invalid = Files.writeString(dir.resolve("invalid.tandem.json"), JsonEdit.of(Examples.VM_LAB_SBD).set("$.target.iqn", "iqn.x").json());
        Run errors = tandem(VmLabScenarios.healthy().source(), "status", "--project", invalid.toString());
        assertThat(errors.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(errors.err()).contains("The project " + invalid + " has errors", "$.target.iqn");

        assertThat(tandem(VmLabScenarios.healthy().source(), "status", "--project", PROJECT, "--interval", "0").code()).isEqualTo(ExitCodes.BAD_INPUT);
        Run folder = tandem(VmLabScenarios.healthy().source(), "status", "--project", PROJECT, "--prometheus", dir.resolve("no/such/x.prom").toString());
        assertThat(folder.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(folder.err()).contains("does not exist");
    }

    @Test
    void watchPrintsWhatChangedAndAHeartbeatOtherwise() {
        Scenario healthy = VmLabScenarios.healthy();
        Scenario degraded = VmLabScenarios.healthy().silent("client", "connection refused");
        AtomicInteger reads = new AtomicInteger();
        StatusSource source = (host, facts) -> {
            int round = reads.getAndIncrement() / 3 + 1; // three hosts a round, read side by side
            return (round <= 2 ? healthy : degraded).source().read(host, facts);
        };
        Run run = tandem(source, "status", "--project", PROJECT, "--watch", "--interval", "0.1", "--rounds", "4", "--heartbeat", "0");

        assertThat(run.code()).as("the last round's verdict").isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.out().split("Cluster vmlab: ", -1)).as("printed in full twice: the first read and the change").hasSize(3);
        assertThat(run.out()).containsOnlyOnce("---- changed ----").contains("still healthy", "still degraded, 1 finding");
        assertThat(run.out().indexOf("still healthy")).isLessThan(run.out().indexOf("---- changed ----"));
    }

    /** The second read of --watch has each session disk's latency since the first; JSON has it as numbers, not in the stable document. */
    @Test
    void watchShowsTheLastIoLatencyFromTheSecondReadOn() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        StatusSource source = (host, facts) -> {
            int round = reads.getAndIncrement() / 3 + 1;
            long clock = 1_700_000_000_000_000_000L + round * 2_000_000_000L;
            return VmLabScenarios.healthy().fact("client", StatusScript.CLOCK_START, clock + "\n")
                    .fact("client", StatusScript.DISK_STATS, VmLabScenarios.clientDiskStats(round == 1 ? "before_io" : "after_io")).source().read(host, facts);
        };
        Run text = tandem(source, "status", "--project", PROJECT, "--watch", "--interval", "0.1", "--rounds", "2", "--heartbeat", "0");
        assertThat(text.out()).contains("still healthy").doesNotContain("---- changed ----");
        reads.set(0);
        Run json = tandem(source, "status", "--project", PROJECT, "--watch", "--json", "--interval", "0.1", "--rounds", "2", "--heartbeat", "0");
        List<String> lines = json.out().lines().toList();
        assertThat(lines).as("the latency is not a change").hasSize(2);
        StatusDocument.Latency sdb = StatusPrinter.readJson(lines.get(1)).clients().getFirst().sessions().getFirst().disks().stream()
                .filter(d -> d.device().equals("sdb")).findFirst().orElseThrow().latency();
        assertThat(sdb.ios()).isEqualTo(3000);
        assertThat(sdb.averageMillis()).isEqualTo(67.0 / 3000);
        assertThat(sdb.intervalSeconds()).isEqualTo(2.0);
        assertThat(StatusPrinter.readJson(lines.get(1)).hosts().getFirst().peerRtt()).extracting(StatusDocument.PeerRtt::outcome)
                .containsExactly("reply", "reply");
        assertThat(lines.get(1)).contains("\"latency\":{\"averageMillis\":0.0223");
    }

    @Test
    void watchAsJsonPrintsOneDocumentPerLineWhenSomethingChanged() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        Scenario healthy = VmLabScenarios.healthy();
        Scenario degraded = VmLabScenarios.healthy().silent("client", "connection refused");
        StatusSource source = (host, facts) -> {
            int round = reads.getAndIncrement() / 3 + 1;
            return (round == 2 ? degraded : healthy).source().read(host, facts);
        };
        Run run = tandem(source, "status", "--project", PROJECT, "--watch", "--json", "--interval", "0.1", "--rounds", "3");

        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(StatusPrinter.readJson(lines.get(1)).verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(StatusPrinter.readJson(lines.get(2)).verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
    }
}
