package io.tandem.apply;

import io.tandem.discovery.FactScript;
import io.tandem.facts.BondStatus;
import io.tandem.facts.BondingParser;
import io.tandem.facts.DrbdDeviceState;
import io.tandem.facts.ProcDrbdParser;
import io.tandem.facts.SbdSlots;
import io.tandem.model.DemoProject;
import io.tandem.model.Project;
import io.tandem.monitor.Assessment;
import io.tandem.monitor.ClusterSnapshot;
import io.tandem.monitor.Finding;
import io.tandem.monitor.HealthRules;
import io.tandem.monitor.StatusRead;
import io.tandem.monitor.StatusScript;
import io.tandem.monitor.Verdict;
import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.tandem.testing.Fixtures.vmlab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo's faults as the monitoring sees them: each switched on over the applied demo, read
 * through the real StatusRead (the real parsers) and judged by the real health rules; its text
 * compared with the VM lab's captures of the same state; cleared again; and the split brain's
 * recovery by discarding one side's changes. The built-in demo has no fencing, so its standing
 * finding is fencing.none; the SBD example shows the verdicts without it.
 */
@Timeout(60)
class DemoFaultTest {

    /** Every simulated wait 20 times shorter (the initial sync 0.3 s): changes pile up 20 times faster. */
    private static final double PACE = 0.05;

    private static SimulatedCluster demo() {
        return SimulatedCluster.applied(DemoProject.withFreshSecrets(), PACE);
    }

    private static SimulatedCluster sbd() {
        return SimulatedCluster.applied(Examples.read(Examples.VM_LAB_SBD), PACE);
    }

    private static ClusterSnapshot read(SimulatedCluster cluster) throws InterruptedException {
        return StatusRead.read(cluster.project(), cluster.statusSource());
    }

    private static Assessment judge(SimulatedCluster cluster) throws InterruptedException {
        return HealthRules.judge(cluster.project(), read(cluster));
    }

    private static List<String> codes(Assessment a) {
        return a.findings().stream().map(Finding::code).toList();
    }

    private static Finding finding(Assessment a, String code, String subject) {
        List<Finding> found = a.findings().stream().filter(f -> f.code().equals(code) && f.subject().equals(subject)).toList();
        assertThat(found).as(code + " about " + subject + " in " + a.findings()).hasSize(1);
        return found.getFirst();
    }

    /** One fact as {@code host} answers it to the status script. */
    private static String fact(SimulatedCluster cluster, String host, String fact) throws Exception {
        Map<String, FactScript.Section> sections = cluster.statusSource().read(host,
                StatusScript.node(cluster.project(), cluster.project().node(host).orElseThrow()));
        return sections.get(fact).output();
    }

    private static DrbdDeviceState drbd(SimulatedCluster cluster, String host, int minor) throws Exception {
        return ProcDrbdParser.parse(fact(cluster, host, StatusScript.PROC_DRBD)).stream().filter(d -> d.minor() == minor).findFirst().orElseThrow();
    }

    private static String line(String procDrbd, int minor) {
        return procDrbd.lines().filter(l -> l.startsWith(" " + minor + ": ")).findFirst().orElseThrow();
    }

    private static BondStatus bond(SimulatedCluster cluster, String host, String name) throws Exception {
        return BondingParser.parse(name, BondingParser.split(fact(cluster, host, StatusScript.BONDING)).get(name));
    }

    // ---- the demo as an apply leaves it

    @Test
    void theAppliedDemoHasNothingLeftToDoAndReadsWithOnlyItsStandingRisk() throws Exception {
        SimulatedCluster demo = demo();
        assertThat(demo.built()).isTrue();
        assertThat(demo.faults()).isEmpty();
        assertThat(ApplySession.simulated(demo).plan().steps()).as("planning again finds nothing to do").isEmpty();
        assertThat(demo.signatures("node2", "/dev/vdc")).as("the apply overwrote node2's old ext4").isEmpty();

        ClusterSnapshot snapshot = read(demo);
        assertThat(snapshot.healthy()).as(snapshot.toString()).isTrue();
        assertThat(snapshot.servedBy()).isEqualTo("node1");
        assertThat(snapshot.sessions()).singleElement().asString().startsWith("client is logged in to iqn.2024-01.test.lab:store via 192.168.50.100:3260");
        Assessment a = HealthRules.judge(demo.project(), snapshot);
        assertThat(codes(a)).as("the built-in demo has no fencing").containsExactly("fencing.none");
        assertThat(a.verdict()).isEqualTo(Verdict.AT_RISK);

        for (var example : List.of(Examples.VM_LAB_SBD, Examples.VM_LAB_TGT)) {
            Assessment fenced = judge(SimulatedCluster.applied(Examples.read(example), PACE));
            assertThat(fenced.findings()).as(example.toString()).isEmpty();
            assertThat(fenced.verdict()).isEqualTo(Verdict.HEALTHY);
        }
        assertThatThrownBy(() -> SimulatedCluster.applied(Examples.seed(), PACE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the legacy profile is for export only");
    }

    @Test
    void faultsNeedABuiltClusterAndOnlyWhatTheProjectHas() throws Exception {
        SimulatedCluster unbuilt = new SimulatedCluster(DemoProject.withFreshSecrets(), PACE);
        assertThatThrownBy(() -> unbuilt.setFault(DemoFault.NODE_LOST, true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not built yet");
        assertThat(demo().simulatable()).containsExactlyInAnyOrder(DemoFault.values());

        Project plainClientNic = JsonEdit.of(Examples.MODERN).remove("$.nodes[0].links[0].bond").set("$.nodes[0].links[0].interfaceName", "eth0")
                .project();
        SimulatedCluster plain = SimulatedCluster.applied(plainClientNic, PACE);
        assertThat(plain.simulatable()).doesNotContain(DemoFault.BOND_SLAVE_DOWN).contains(DemoFault.NODE_LOST);
        assertThatThrownBy(() -> plain.setFault(DemoFault.BOND_SLAVE_DOWN, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a bond of two NICs on node1's client network");

        for (DemoFault f : DemoFault.values()) {
            assertThat(f.label()).isNotBlank().doesNotContain("_");
            assertThat(f.description()).endsWith(".").doesNotContain(". ");
        }
    }

    // ---- each fault

    @Test
    void aReplicationLinkDownDisconnectsDrbdAndCutsTheStandbysReplicationBond() throws Exception {
        SimulatedCluster demo = demo();
        demo.setFault(DemoFault.REPLICATION_LINK_DOWN, true);
        assertThat(demo.faults()).containsExactly(DemoFault.REPLICATION_LINK_DOWN);

        // As the VM lab's disconnected captures, with node1's fence-peer handler having outdated node2 (the captures' handler had no cluster).
        String node1 = fact(demo, "node1", StatusScript.PROC_DRBD);
        assertThat(line(node1, 0)).isEqualTo(line(vmlab("node1.disconnected.proc_drbd.txt"), 0).replace("DUnknown", "Outdated"));
        assertThat(line(fact(demo, "node2", StatusScript.PROC_DRBD), 1)).isEqualTo(line(vmlab("node2.disconnected.proc_drbd.txt"), 1));
        long pending = drbd(demo, "node1", 0).outOfSyncKiB();
        assertThat(pending).isPositive();
        Thread.sleep(300);
        assertThat(drbd(demo, "node1", 0).outOfSyncKiB()).as("node1's changes pile up").isGreaterThan(pending);
        assertThat(drbd(demo, "node2", 0).outOfSyncKiB()).isZero();
        BondStatus cut = bond(demo, "node2", "bond1");
        assertThat(cut.isUp()).isFalse();
        assertThat(cut.activeSlave()).isNull();
        assertThat(cut.slaves()).allSatisfy(s -> assertThat(s.linkFailureCount()).isEqualTo(1)).noneMatch(BondStatus.Slave::isUp);
        assertThat(bond(demo, "node1", "bond1").isUp()).isTrue();

        Assessment a = judge(demo);
        assertThat(codes(a)).containsExactlyInAnyOrder("drbd.disconnected", "drbd.disconnected", "bond.down", "fencing.none");
        assertThat(finding(a, "drbd.disconnected", "r0").reason())
                .startsWith("Replication link down for r0 (node1 WFConnection, node2 WFConnection): node2's copy is getting stale (node1 has ")
                .endsWith(" of changes it could not send yet). node2's copy is marked Outdated, so it cannot take over: if node1 fails now, "
                        + "the storage stops until it is back.");
        assertThat(finding(a, "drbd.disconnected", "r1").fix()).startsWith("Check the cable or switch port of bond1 on either node");
        assertThat(finding(a, "bond.down", "bond1 on node2").reason()).isEqualTo("bond1 on node2 is down (no NIC has a link): node2's replication link is cut.");
        assertThat(a.verdict()).isEqualTo(Verdict.AT_RISK);

        demo.setFault(DemoFault.REPLICATION_LINK_DOWN, false);
        Assessment back = judge(demo);
        assertThat(back.problems()).extracting(Finding::code).containsExactly("fencing.none");
        assertThat(finding(back, "bond.past-failures", "bond1 on node2").reason()).as("the driver keeps counting").contains("eth2 (1), eth3 (1)");
        assertThat(read(demo).healthy()).isTrue();
    }

    @Test
    void withTheFallbackOverTheClientNetworkACutReplicationLinkLeavesDrbdConnected() throws Exception {
        SimulatedCluster cluster = sbd();
        assertThat(cluster.project().networks().replication().fallsBackOverClient()).as("the VM lab examples fall back").isTrue();
        cluster.setFault(DemoFault.REPLICATION_LINK_DOWN, true);

        // Both ends lose the link: node2's NICs are down, node1's ARP checks get no answer.
        assertThat(bond(cluster, "node2", "bond1").isUp()).isFalse();
        assertThat(bond(cluster, "node1", "bond1").isUp()).isFalse();
        assertThat(drbd(cluster, "node1", 0).connectionState()).isEqualTo("Connected");
        assertThat(drbd(cluster, "node1", 0).outOfSyncKiB()).isZero();
        Assessment a = judge(cluster);
        assertThat(codes(a)).containsExactly("bond.down", "bond.down");
        assertThat(finding(a, "bond.down", "bond1 on node2").reason()).isEqualTo("bond1 on node2 is down (no NIC has a link): node2's "
                + "replication link is cut; replication goes over the client network until it is back.");
        assertThat(a.verdict()).isEqualTo(Verdict.AT_RISK);

        cluster.setFault(DemoFault.REPLICATION_LINK_DOWN, false);
        assertThat(read(cluster).healthy()).isTrue();
    }

    @Test
    void aBondNicDownFailsTheServingNodesClientBondOverToItsOtherNic() throws Exception {
        SimulatedCluster cluster = sbd();
        ClusterSnapshot before = read(cluster);
        cluster.setFault(DemoFault.BOND_SLAVE_DOWN, true);

        // As the VM lab's eth0-link-down capture: eth0 down with one failure counted, eth1 active.
        BondStatus real = BondingParser.parse("bond0", vmlab("node1.eth0-link-down.proc_net_bonding_bond0.txt"));
        BondStatus ours = bond(cluster, "node1", "bond0");
        assertThat(ours.mode()).isEqualTo(real.mode());
        assertThat(ours.primarySlave()).isEqualTo(real.primarySlave()).isEqualTo("eth0");
        assertThat(ours.activeSlave()).isEqualTo(real.activeSlave()).isEqualTo("eth1");
        assertThat(ours.miiStatus()).isEqualTo(real.miiStatus());
        assertThat(ours.slaves()).extracting(BondStatus.Slave::name, BondStatus.Slave::miiStatus, BondStatus.Slave::linkFailureCount, BondStatus.Slave::speedMbps)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("eth0", "down", 1, null), org.assertj.core.groups.Tuple.tuple("eth1", "up", 0, 1000));
        assertThat(bond(cluster, "node2", "bond0").activeSlave()).isEqualTo("eth0");

        Assessment a = judge(cluster);
        assertThat(codes(a)).containsExactly("bond.slave-down");
        assertThat(a.findings().getFirst().reason()).isEqualTo("bond0 on node1 runs on one NIC: eth0 is down (1 link failure counted). "
                + "One more cable or port fault cuts node1's client network.");
        assertThat(a.verdict()).isEqualTo(Verdict.DEGRADED);
        Assessment sinceBefore = HealthRules.judge(cluster.project(), read(cluster), before);
        assertThat(finding(sinceBefore, "bond.switched", "bond0 on node1").reason()).isEqualTo("bond0 on node1 switched from eth0 to eth1 since the last read.");

        cluster.setFault(DemoFault.BOND_SLAVE_DOWN, false);
        Assessment back = judge(cluster);
        assertThat(back.verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(back.problems()).isEmpty();
        assertThat(codes(back)).as("a note: eth0's failure stays counted, as in the VM lab's bond0-eth0-back capture").containsExactly("bond.past-failures");
        assertThat(bond(cluster, "node1", "bond0").activeSlave()).isEqualTo("eth0");
    }

    @Test
    void aLostNodeDoesNotAnswerIsOfflineForTheOtherAndItsCopyGoesStale() throws Exception {
        SimulatedCluster demo = demo();
        demo.setFault(DemoFault.NODE_LOST, true);
        assertThatThrownBy(() -> demo.statusSource().read("node2", StatusScript.node(demo.project(), demo.project().node("node2").orElseThrow())))
                .isInstanceOfSatisfying(io.tandem.ssh.SshFailure.class, e -> assertThat(e.kind()).isEqualTo(io.tandem.ssh.SshFailure.Kind.UNREACHABLE))
                .hasMessage("192.168.50.12 is unreachable (no route to host)");

        ClusterSnapshot snapshot = read(demo);
        assertThat(snapshot.nodeRead("node2").orElseThrow().answered()).isFalse();
        assertThat(snapshot.node("node2").orElseThrow().membership()).isEqualTo(ClusterSnapshot.Membership.OFFLINE);
        assertThat(snapshot.servedBy()).isEqualTo("node1");
        assertThat(snapshot.sessions()).as("the client stays logged in").singleElement().asString().startsWith("client is logged in");
        // As the VM lab's after-node1-loss capture, mirrored: offline and clean, one DRBD instance stopped, node2's copy Outdated.
        assertThat(fact(demo, "node1", StatusScript.CRM_MON)).contains("<node name=\"node2\" id=\"2\" online=\"false\" standby=\"false\" "
                + "standby_onfail=\"false\" maintenance=\"false\" pending=\"false\" unclean=\"false\" health=\"green\" shutdown=\"false\" "
                + "expected_up=\"true\" is_dc=\"false\" resources_running=\"0\" type=\"member\"/>");
        assertThat(line(fact(demo, "node1", StatusScript.PROC_DRBD), 0)).isEqualTo(" 0: cs:WFConnection ro:Primary/Unknown ds:UpToDate/Outdated C r-----");

        Assessment a = judge(demo);
        assertThat(codes(a)).containsExactlyInAnyOrder("node.offline", "drbd.disconnected", "drbd.disconnected", "host.unreachable", "fencing.none");
        assertThat(finding(a, "node.offline", "node2").reason()).isEqualTo("node2 is not in the cluster. node1 serves alone: if it fails too, the storage is down.");
        assertThat(finding(a, "drbd.disconnected", "r0").reason()).startsWith("Replication of r0 is down because node2 is gone: node2's copy is getting stale (node1 has ");
        assertThat(finding(a, "host.unreachable", "node2").reason()).startsWith("node2 did not answer over SSH (192.168.50.12 is unreachable (no route to host))");
        assertThat(a.verdict()).isEqualTo(Verdict.AT_RISK);

        demo.setFault(DemoFault.NODE_LOST, false);
        assertThat(codes(judge(demo))).containsExactly("fencing.none");
    }

    @Test
    void aLostNodeFencedBySbdHasTheResetInItsSlot() throws Exception {
        SimulatedCluster cluster = sbd();
        cluster.setFault(DemoFault.NODE_LOST, true);
        ClusterSnapshot snapshot = read(cluster);
        assertThat(snapshot.nodeRead("node1").orElseThrow().sbd()).singleElement().satisfies(disk -> assertThat(disk.slots())
                .containsExactly(new SbdSlots.Slot(0, "node1", "clear", null), new SbdSlots.Slot(1, "node2", "reset", "node1")));
        Assessment a = HealthRules.judge(cluster.project(), snapshot);
        assertThat(codes(a)).containsExactlyInAnyOrder("node.offline", "drbd.disconnected", "drbd.disconnected", "host.unreachable");
        assertThat(a.verdict()).isEqualTo(Verdict.AT_RISK);
    }

    @Test
    void aSplitBrainIsStandAloneOnBothNodesWithEachSidesChanges() throws Exception {
        SimulatedCluster demo = demo();
        Instant before = Instant.now();
        demo.setFault(DemoFault.SPLIT_BRAIN, true);

        // As the VM lab's split-brain capture: no protocol letter once StandAlone; here node2 was demoted by the cluster.
        String node1 = fact(demo, "node1", StatusScript.PROC_DRBD);
        assertThat(line(node1, 0)).isEqualTo(line(vmlab("node1.split-brain.proc_drbd.txt"), 0).replace("DUnknown", "Outdated"));
        assertThat(line(fact(demo, "node2", StatusScript.PROC_DRBD), 1)).isEqualTo(" 1: cs:StandAlone ro:Secondary/Unknown ds:UpToDate/DUnknown   r-----");
        assertThat(drbd(demo, "node1", 1).outOfSyncKiB()).isPositive();
        assertThat(drbd(demo, "node2", 0).outOfSyncKiB()).isEqualTo(196_608);

        Assessment a = judge(demo);
        assertThat(codes(a)).containsExactlyInAnyOrder("drbd.split-brain", "drbd.split-brain", "fencing.none");
        assertThat(finding(a, "drbd.split-brain", "r0").reason()).contains("node1 has 128.", "node2 has 192.0 MiB the other lacks", "StandAlone",
                "node1 serves the storage now");
        assertThat(finding(a, "drbd.split-brain", "r1").fix()).contains("on node2: drbdadm disconnect r1; drbdadm secondary r1; drbdadm connect --discard-my-data r1");
        assertThat(a.verdict()).isEqualTo(Verdict.AT_RISK);

        List<DemoSplitBrainSide> sides = demo.splitBrainSides("r0");
        assertThat(sides).extracting(DemoSplitBrainSide::node).containsExactly("node1", "node2");
        assertThat(sides.getFirst().lastPrimary()).as("node1 is Primary").isNull();
        assertThat(sides.get(1).lastPrimary()).isBetween(before, Instant.now());
        assertThat(sides.get(1).outOfSyncKiB()).isEqualTo(196_608);
        assertThat(sides.getFirst().outOfSyncKiB()).isGreaterThan(131_072);
        String gi = "([0-9A-F]{16}):([0-9A-F]{16}):([0-9A-F]{16}):([0-9A-F]{16}):";
        assertThat(sides.getFirst().generationIdentifiers()).matches(gi + "1:1:1:0:0:1:0");
        assertThat(sides.get(1).generationIdentifiers()).matches(gi + "1:1:0:0:0:0:0");
        String[] serving = sides.getFirst().generationIdentifiers().split(":");
        String[] standby = sides.get(1).generationIdentifiers().split(":");
        assertThat(serving[0]).as("each made its own current UUID").isNotEqualTo(standby[0]);
        assertThat(Long.parseUnsignedLong(serving[1], 16) ^ Long.parseUnsignedLong(standby[1], 16)).as("the same bitmap UUID but for the Primary bit").isEqualTo(1);
        assertThat(serving[3]).isEqualTo(standby[3]);
        assertThatThrownBy(() -> demo.splitBrainSides("r9")).isInstanceOf(IllegalArgumentException.class);

        demo.setFault(DemoFault.SPLIT_BRAIN, false);
        assertThat(codes(judge(demo))).containsExactly("fencing.none");
        assertThat(demo.splitBrainSides("r0")).isEmpty();
    }

    // ---- recovering from the split brain

    @Test
    void discardingTheStandbysChangesResyncsItFromTheServingNodeThenAllIsInStep() throws Exception {
        // At the app's pace (a 5 s resync), so a loaded machine still reads it while it runs.
        SimulatedCluster demo = SimulatedCluster.applied(DemoProject.withFreshSecrets(), 1);
        demo.setFault(DemoFault.SPLIT_BRAIN, true);
        demo.discardChangesOf("node2");
        assertThat(demo.faults()).isEmpty();
        assertThat(demo.resyncing()).isTrue();

        String node2 = fact(demo, "node2", StatusScript.PROC_DRBD);
        assertThat(line(node2, 0)).isEqualTo(" 0: cs:SyncTarget ro:Secondary/Primary ds:Inconsistent/UpToDate C r-----");
        // drbd 8.4's progress lines, shaped as in the VM lab's syncing capture: the bar, per-mille percent, "want:" on the target
        // (the demo runs the dynamic resync controller).
        java.util.regex.Pattern bar = java.util.regex.Pattern.compile("\t\\[(=*)>(\\.*)] sync'ed: *(\\d{1,2})\\.(\\d)% \\(\\d+/\\d+\\)K");
        java.util.regex.Pattern finish = java.util.regex.Pattern.compile("\tfinish: \\d+:\\d\\d:\\d\\d speed: [\\d,]+ \\([\\d,]+\\) want: [\\d,]+ K/sec");
        for (String text : List.of(node2, vmlab("node2.syncing.proc_drbd.txt"))) {
            assertThat(text.lines().filter(l -> l.startsWith("\t[")).toList()).hasSize(2).allSatisfy(l -> {
                java.util.regex.Matcher m = bar.matcher(l);
                assertThat(m.matches()).as(l).isTrue();
                int permille = Integer.parseInt(m.group(3)) * 10 + Integer.parseInt(m.group(4));
                // drbd_syncer_progress: x = per mille / 50; '=' for 1 <= i < x, '>', then 20 - x dots (21 columns below 5 %).
                assertThat(m.group(1).length()).as(l).isEqualTo(Math.max(0, permille / 50 - 1));
                assertThat(m.group(2).length()).as(l).isEqualTo(20 - permille / 50);
                assertThat(l).contains(String.format(java.util.Locale.ROOT, "sync'ed:%3d.", permille / 10));
            });
            assertThat(text.lines().filter(l -> l.startsWith("\tfinish:")).toList()).hasSize(2).allSatisfy(l -> assertThat(l).matches(finish));
        }
        assertThat(line(fact(demo, "node1", StatusScript.PROC_DRBD), 1)).isEqualTo(" 1: cs:SyncSource ro:Primary/Secondary ds:UpToDate/Inconsistent C r-----");
        DrbdDeviceState.SyncProgress progress = drbd(demo, "node1", 0).sync();
        assertThat(progress.totalKiB()).as("both sides' changes").isGreaterThan(131_072 + 196_608);
        Assessment a = judge(demo);
        assertThat(codes(a)).containsExactlyInAnyOrder("drbd.sync", "drbd.sync", "fencing.none");
        assertThat(finding(a, "drbd.sync", "r0").reason()).startsWith("node2's copy of r0 is being brought up to date: ")
                .endsWith("Until it finishes, node1 holds the only complete copy.");

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (demo.resyncing() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(demo.resyncing()).isFalse();
        ClusterSnapshot after = read(demo);
        assertThat(after.healthy()).as(after.toString()).isTrue();
        assertThat(HealthRules.judge(demo.project(), after).findings()).extracting(Finding::code).containsExactly("fencing.none");
    }

    @Test
    void discardingIsRefusedWithoutASplitBrainOnTheServingNodeAndOnALostNode() {
        SimulatedCluster demo = demo();
        assertThatThrownBy(() -> demo.discardChangesOf("node2")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("There is no split brain to recover from");
        demo.setFault(DemoFault.SPLIT_BRAIN, true);
        assertThatThrownBy(() -> demo.discardChangesOf("node1")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("node1 serves the storage, so its copy is in use").hasMessageContaining("Discard node2's changes");
        assertThatThrownBy(() -> demo.discardChangesOf("node3")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node3");
        demo.setFault(DemoFault.NODE_LOST, true);
        assertThatThrownBy(() -> demo.discardChangesOf("node2")).isInstanceOf(IllegalStateException.class).hasMessageContaining("does not answer");
        assertThat(demo.faults()).containsExactlyInAnyOrder(DemoFault.SPLIT_BRAIN, DemoFault.NODE_LOST);
    }

    // ---- faults together

    @Test
    void faultsCombineAndClearOneByOne() throws Exception {
        SimulatedCluster demo = demo();
        demo.setFault(DemoFault.BOND_SLAVE_DOWN, true);
        demo.setFault(DemoFault.REPLICATION_LINK_DOWN, true);
        assertThat(codes(judge(demo))).containsExactlyInAnyOrder("drbd.disconnected", "drbd.disconnected", "bond.down", "bond.slave-down", "fencing.none");

        demo.setFault(DemoFault.NODE_LOST, true);
        assertThat(codes(judge(demo))).as("node2's bond cannot be read now").containsExactlyInAnyOrder("drbd.disconnected", "drbd.disconnected",
                "bond.slave-down", "node.offline", "host.unreachable", "fencing.none");

        demo.setFault(DemoFault.SPLIT_BRAIN, true);
        Assessment alone = judge(demo);
        assertThat(codes(alone)).as("only node1's side is seen: StandAlone, not called split brain")
                .containsExactlyInAnyOrder("drbd.standalone", "drbd.standalone", "bond.slave-down", "node.offline", "host.unreachable", "fencing.none");

        demo.setFault(DemoFault.NODE_LOST, false);
        demo.setFault(DemoFault.REPLICATION_LINK_DOWN, false);
        assertThat(codes(judge(demo))).as("bond1 on node2 had its NICs down").containsExactlyInAnyOrder("drbd.split-brain", "drbd.split-brain",
                "bond.slave-down", "bond.past-failures", "fencing.none");
        demo.setFault(DemoFault.SPLIT_BRAIN, false);
        demo.setFault(DemoFault.BOND_SLAVE_DOWN, false);
        assertThat(demo.faults()).isEmpty();
        assertThat(judge(demo).problems()).extracting(Finding::code).containsExactly("fencing.none");
    }
}
