package io.tandem.monitor;

import io.tandem.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tandem.monitor.Scenario.codes;
import static io.tandem.testing.Fixtures.local;
import static io.tandem.testing.Fixtures.vmlab;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every verdict and standing risk of the monitoring issue, judged on snapshots read through the
 * real StatusRead from the VM labs' captures ({@link VmLabScenarios}). Where no capture of a state
 * exists the test says so and changes a capture by hand, as little as the state needs.
 */
class HealthRulesTest {

    private static Finding only(Assessment a, String code) {
        List<Finding> found = a.findings().stream().filter(f -> f.code().equals(code)).toList();
        assertThat(found).as(code + " in " + a.findings()).hasSize(1);
        return found.getFirst();
    }

    // ---- healthy, and the risks never hidden under it

    @Test
    void theSbdVmLabAfterApplyIsHealthy() throws Exception {
        Scenario s = VmLabScenarios.healthy();
        ClusterSnapshot snapshot = s.read();
        Assessment a = HealthRules.judge(s.project(), snapshot);

        assertThat(a.findings()).isEmpty();
        assertThat(a.verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(snapshot.healthy()).isTrue();
        assertThat(snapshot.servedBy()).isEqualTo("node1");
        assertThat(snapshot.sessions()).containsExactly("client is logged in to iqn.2024-01.test.lab:store via 192.168.50.100:3260 as iqn.2024-01.test.lab:client");
    }

    @Test
    void aNodeThatLostTheQuorumWitnessIsARiskThatSaysWhatItMeans() throws Exception {
        Scenario witness = VmLabScenarios.healthyWithWitness();
        assertThat(witness.judge().findings()).as("both nodes connected to the witness").isEmpty();

        Finding lost = only(witness.fact("node2", StatusScript.QDEVICE, vmlab("node2.qnetd-stopped.corosync_qdevice_tool_s.txt")).judge(),
                "cluster.witness");
        assertThat(lost.severity()).isEqualTo(Verdict.AT_RISK);
        assertThat(lost.reason()).startsWith("node2 does not count the quorum witness on client (10.205.0.20:5403): its quorum device client is ")
                .contains("If the other node fails now, node2 has no quorum and stops the service");
        assertThat(lost.fix()).contains("systemctl status corosync-qnetd", "corosync-qdevice-tool -sv");

        Finding stopped = only(VmLabScenarios.healthyWithWitness().fact("node1", StatusScript.QDEVICE,
                vmlab("node1.qdevice-stopped.corosync_qdevice_tool_s.txt"), 3).judge(), "cluster.witness");
        assertThat(stopped.reason()).contains("node1 does not count the quorum witness", "its quorum device client does not run (");
        assertThat(VmLabScenarios.healthy().judge().findings()).as("no witness, no such check").isEmpty();
    }

    @Test
    void noFencingIsARiskEvenWhenEverythingRuns() throws Exception {
        Assessment a = VmLabScenarios.vmLabLioT().judge();

        assertThat(codes(a)).containsExactly("fencing.none");
        assertThat(a.verdict()).isEqualTo(Verdict.AT_RISK);
        assertThat(a.findings().getFirst().reason()).contains("both may take over the storage");
    }

    /** Hand-made: the applied SBD cluster's crm_mon with stonith-enabled switched to false (not captured). */
    @Test
    void fencingSwitchedOffInTheClusterIsARisk() throws Exception {
        Assessment a = VmLabScenarios.healthy().nodes(StatusScript.CRM_MON, vmlab("node1.sbd-applied.crm_mon_xml.txt")
                .replace("stonith-enabled=\"true\"", "stonith-enabled=\"false\"")).judge();

        assertThat(only(a, "fencing.disabled").fix()).contains("pcs property set stonith-enabled=true");
        assertThat(a.verdict()).isEqualTo(Verdict.AT_RISK);
    }

    // ---- replication

    /** The disconnected /proc/drbd was captured before the cluster ran; here it is combined with the applied cluster's crm_mon. */
    @Test
    void aReplicationLinkDownSaysWhoseCopyGoesStaleAndWhichLinkToCheck() throws Exception {
        Assessment a = VmLabScenarios.healthy().fact("node1", StatusScript.PROC_DRBD, vmlab("node1.disconnected.proc_drbd.txt"))
                .fact("node2", StatusScript.PROC_DRBD, vmlab("node2.disconnected.proc_drbd.txt")).judge();

        assertThat(codes(a)).containsExactly("drbd.disconnected", "drbd.disconnected");
        Finding r0 = a.findings().getFirst();
        assertThat(r0.subject()).isEqualTo("r0");
        assertThat(r0.reason()).startsWith("Replication link down for r0 (node1 WFConnection, node2 WFConnection): node2's copy is getting stale")
                .doesNotContain("Outdated");
        assertThat(r0.fix()).startsWith("Check the cable or switch port of bond1 on either node");
        assertThat(a.verdict()).isEqualTo(Verdict.AT_RISK);
    }

    @Test
    void splitBrainIsExplainedWithBothSidesAndHowToRecoverButNotResolved() throws Exception {
        Assessment a = VmLabScenarios.healthy().fact("node1", StatusScript.PROC_DRBD, vmlab("node1.split-brain.proc_drbd.txt"))
                .fact("node2", StatusScript.PROC_DRBD, vmlab("node2.split-brain.proc_drbd.txt")).judge();

        Finding sb = only(a, "drbd.split-brain");
        assertThat(codes(a)).as("r1 reconnected normally").containsExactly("drbd.split-brain");
        assertThat(sb.subject()).isEqualTo("r0");
        assertThat(sb.reason()).contains("node1 has 64 KiB the other lacks", "node2 has 64 KiB the other lacks", "StandAlone",
                "node1 serves the storage now", "Tandem does not choose");
        assertThat(sb.fix()).contains("throw away (normally node2's", "on node2: drbdadm disconnect r0; drbdadm secondary r0; "
                + "drbdadm connect --discard-my-data r0", "on node1: drbdadm connect r0");
        assertThat(a.verdict()).isEqualTo(Verdict.AT_RISK);
    }

    /** DRBD 9's /proc/drbd has only its version; the state is drbdsetup's JSON (fixtures/drbd9, laid out from drbd-utils' source). */
    private static Scenario drbd9(String node1Json, String node2Json) throws Exception {
        String version = "version: 9.2.8 (api:2/proto:86-122)\nGIT-hash: e163b05a76254c0f51f999970e861d72bb16409a build by root@node1, 2024-03-11 10:01:12\n"
                + "Transports (api:20): tcp (9.2.8)\n";
        return VmLabScenarios.healthy().nodes(StatusScript.PROC_DRBD, version)
                .fact("node1", StatusScript.DRBD9_STATUS, Fixtures.read("drbd9/" + node1Json))
                .fact("node2", StatusScript.DRBD9_STATUS, Fixtures.read("drbd9/" + node2Json));
    }

    @Test
    void aDrbdNineClusterIsJudgedFromItsStatusJsonLikeEightFour() throws Exception {
        Assessment healthy = drbd9("node1.healthy.status.json", "node2.healthy.status.json").judge();
        Assessment eightFour = VmLabScenarios.healthy().judge();
        assertThat(codes(healthy)).isEqualTo(codes(eightFour)).noneMatch(c -> c.startsWith("drbd."));
        assertThat(healthy.verdict()).isEqualTo(eightFour.verdict());

        Assessment cut = drbd9("node1.disconnected.status.json", "node2.alone.status.json").judge();
        assertThat(codes(cut)).contains("drbd.disconnected", "drbd.standalone");
        assertThat(cut.findings().stream().filter(f -> f.code().equals("drbd.disconnected")).findFirst().orElseThrow().subject()).isEqualTo("r0");
    }

    @Test
    void aDrbdNineNodeWhoseStatusCannotBeReadSaysSoInsteadOfNotConfigured() throws Exception {
        Assessment a = drbd9("node1.healthy.status.json", "node2.healthy.status.json").fact("node2", StatusScript.DRBD9_STATUS, "").judge();

        assertThat(a.findings()).anySatisfy(f -> assertThat(f.reason()).contains("node2: DRBD 9's status is not readable"));
    }

    /** Hand-made: node2 of the split brain capture reconnected (WFConnection), node1 stays StandAlone with only its own data. */
    @Test
    void standAloneWithoutDataOnBothSidesIsNotCalledSplitBrain() throws Exception {
        Assessment a = VmLabScenarios.healthy().fact("node1", StatusScript.PROC_DRBD, vmlab("node1.split-brain.proc_drbd.txt"))
                .fact("node2", StatusScript.PROC_DRBD, vmlab("node2.split-brain.proc_drbd.txt")
                        .replace("cs:StandAlone ro:Primary/Unknown ds:UpToDate/Outdated", "cs:WFConnection ro:Secondary/Unknown ds:Outdated/DUnknown"))
                .judge();

        assertThat(only(a, "drbd.standalone").reason()).contains("StandAlone on node1", "node2's copy is getting stale");
    }

    @Test
    void aResyncShowsPercentRateAndTimeLeft() throws Exception {
        Assessment a = VmLabScenarios.healthy().fact("node1", StatusScript.PROC_DRBD, vmlab("node1.syncing.proc_drbd.txt"))
                .fact("node2", StatusScript.PROC_DRBD, vmlab("node2.syncing.proc_drbd.txt")).judge();

        assertThat(codes(a)).containsExactly("drbd.sync", "drbd.sync");
        assertThat(a.findings().getFirst().reason()).startsWith("node2's copy of r0 is being brought up to date: 11.4 % done at 22.6 MiB/s, "
                + "about 40 s left, 910.9 MiB to go").endsWith("node1 holds the only complete copy.");
        assertThat(a.verdict()).isEqualTo(Verdict.AT_RISK);
    }

    /** Hand-made: the connected capture with 64 KiB out of sync, as an online verify leaves it (no verify was captured). */
    @Test
    void blocksOutOfSyncOnAConnectedPairAreARisk() throws Exception {
        Assessment a = VmLabScenarios.healthy().fact("node2", StatusScript.PROC_DRBD, vmlab("node2.connected.proc_drbd.txt")
                .replaceFirst("oos:0", "oos:64")).judge();

        assertThat(only(a, "drbd.out-of-sync").reason()).startsWith("64 KiB of r0 differ between the copies");
    }

    /** Hand-made: node2 with only r0 configured (r1's lines removed), and node2's disk of r0 detached (Diskless). */
    @Test
    void aResourceNotRunningOrADetachedDiskIsARisk() throws Exception {
        String node2 = vmlab("node2.connected.proc_drbd.txt");
        Assessment missing = VmLabScenarios.healthy().fact("node2", StatusScript.PROC_DRBD, node2.substring(0, node2.indexOf(" 1: cs:"))).judge();
        assertThat(only(missing, "drbd.unconfigured").reason()).isEqualTo("r1 is not running on node2 (no /dev/drbd1 there): only node1 holds the data.");

        Assessment diskless = VmLabScenarios.healthy().fact("node2", StatusScript.PROC_DRBD,
                node2.replaceFirst("ds:UpToDate/UpToDate", "ds:Diskless/UpToDate")).judge();
        assertThat(only(diskless, "drbd.disk").reason()).startsWith("node2's copy of r0 is Diskless").contains("I/O error");
    }

    // ---- nodes and the cluster

    @Test
    void aLostNodeIsOfflineAndItsCopyGoesStale() throws Exception {
        Scenario s = new Scenario(VmLabScenarios.referenceLab()).silent("node1", "No route to host")
                .fact("node2", StatusScript.UPTIME, local("proc_uptime.txt")).fact("client", StatusScript.UPTIME, local("proc_uptime.txt"))
                .fact("node2", StatusScript.CRM_MON, vmlab("node2.after-node1-loss.crm_mon_xml.txt"))
                .fact("node2", StatusScript.PROC_DRBD, vmlab("node2.after-node1-loss.proc_drbd.txt"))
                .fact("node2", StatusScript.BONDING, "@@BOND bond0\n" + vmlab("node2.healthy.proc_net_bonding_bond0.txt"))
                .fact("node2", StatusScript.TARGET, VmLabScenarios.LIO_SERVING.replace("@@LUN 1\n", ""))
                .fact("client", StatusScript.SESSIONS, vmlab("client.after-node1-loss.iscsiadm_session_P3.txt"));
        ClusterSnapshot snapshot = s.read();
        Assessment a = HealthRules.judge(s.project(), snapshot);

        assertThat(snapshot.servedBy()).isEqualTo("node2");
        assertThat(codes(a)).containsExactlyInAnyOrder("node.offline", "drbd.disconnected", "fencing.none", "host.unreachable");
        assertThat(only(a, "node.offline").reason()).isEqualTo("node1 is not in the cluster. node2 serves alone: if it fails too, the storage is down.");
        assertThat(only(a, "drbd.disconnected").reason()).isEqualTo("Replication of r0 is down because node1 is gone: node1's copy is getting "
                + "stale (node2 has 956 KiB of changes it could not send yet).");
        assertThat(only(a, "host.unreachable").severity()).isEqualTo(Verdict.DEGRADED);
        assertThat(a.verdict()).isEqualTo(Verdict.AT_RISK);
    }

    @Test
    void aClusterSplitInTwoIsSaidOnceNotAsTwoOfflineNodes() throws Exception {
        Scenario s = VmLabScenarios.serving(VmLabScenarios.referenceLabHealthy(), "node1", VmLabScenarios.LIO_SERVING.replace("@@LUN 1\n", ""))
                .fact("node1", StatusScript.CRM_MON, vmlab("node1.partitioned.crm_mon_xml.txt"))
                .fact("node2", StatusScript.CRM_MON, vmlab("node2.partitioned.crm_mon_xml.txt"))
                .fact("node1", StatusScript.PROC_DRBD, vmlab("node1.partitioned.proc_drbd.txt"))
                .fact("node2", StatusScript.PROC_DRBD, vmlab("node2.partitioned.proc_drbd.txt"));
        Assessment a = s.judge();

        assertThat(codes(a)).contains("cluster.split", "resource.failcount", "fencing.none", "client.replacement-timeout").doesNotContain("node.offline");
        assertThat(only(a, "resource.failcount").reason()).startsWith("drbd_r0 failed 2 times on node2 (last Wed Nov 25 13:33:40 2026)");
    }

    @Test
    void theTargetNotRunningIsDownWithPacemakersReason() throws Exception {
        Assessment a = VmLabScenarios.referenceLabHealthy().silent("node1", "Connection timed out")
                .fact("node2", StatusScript.CRM_MON, vmlab("node2.partitioned.crm_mon_xml.txt")).judge();

        Finding down = only(a, "target.stopped");
        assertThat(down.reason()).contains("not running on any node", "No node holds drbd_r0 as Primary",
                "drbd_r0_promote_0 on node2: Timed Out (Resource agent did not complete within 2m)");
        assertThat(down.fix()).contains("crm_resource --cleanup -r g_iscsi");
        assertThat(a.verdict()).isEqualTo(Verdict.DOWN);
    }

    @Test
    void aSplitPromotionLeavesTheTargetNowhere() throws Exception {
        Assessment a = VmLabScenarios.vmLabLioT().nodes(StatusScript.CRM_MON, vmlab("node1.split-promotion.crm_mon_xml.txt")).judge();

        assertThat(only(a, "target.stopped").reason()).contains("No node holds drbd_r1 as Primary");
        assertThat(a.verdict()).isEqualTo(Verdict.DOWN);
    }

    @Test
    void aFailCountIsDegradedAndSaysHowToClearIt() throws Exception {
        Assessment a = VmLabScenarios.serving(VmLabScenarios.referenceLabHealthy(), "node1", VmLabScenarios.LIO_SERVING.replace("@@LUN 1\n", ""))
                .nodes(StatusScript.CRM_MON, vmlab("node1.after-partition-healed.crm_mon_xml.txt")).judge();

        Finding f = only(a, "resource.failcount");
        assertThat(f.severity()).isEqualTo(Verdict.DEGRADED);
        assertThat(f.reason()).startsWith("drbd_r0 failed 1 time on node2");
        assertThat(f.fix()).endsWith("crm_resource --cleanup -r drbd_r0 --node node2");
    }

    /** Hand-made: node2's attributes in the applied cluster's crm_mon set to standby, maintenance, unclean (none captured). */
    @Test
    void standbyMaintenanceAndUncleanNodesAreRisks() throws Exception {
        String xml = vmlab("node1.sbd-applied.crm_mon_xml.txt");
        String node2 = xml.substring(xml.indexOf("<node name=\"node2\" id=\"2\""), xml.indexOf("/>", xml.indexOf("<node name=\"node2\" id=\"2\"")));
        for (String[] variant : new String[][] {{"standby=\"false\"", "standby=\"true\"", "node.standby"},
                {"maintenance=\"false\"", "maintenance=\"true\"", "node.maintenance"},
                {"unclean=\"false\"", "unclean=\"true\"", "node.unclean"}}) {
            Assessment a = VmLabScenarios.healthy().nodes(StatusScript.CRM_MON, xml.replace(node2, node2.replace(variant[0], variant[1]))).judge();
            assertThat(codes(a)).as(variant[2]).contains(variant[2]);
            assertThat(a.verdict()).isEqualTo(Verdict.AT_RISK);
        }
        Assessment whole = VmLabScenarios.healthy().nodes(StatusScript.CRM_MON, xml.replace("maintenance-mode=\"false\"", "maintenance-mode=\"true\"")).judge();
        assertThat(codes(whole)).contains("cluster.maintenance");
    }

    @Test
    void pacemakerNotRunningIsDownInCrmMonsWords() throws Exception {
        Assessment a = VmLabScenarios.healthy().nodes(StatusScript.CRM_MON, local("crm_mon_xml.no_cluster.txt"))
                .fact("client", StatusScript.SESSIONS, "", 21).judge();

        assertThat(only(a, "cluster.not-running").reason()).contains("Pacemaker does not answer on node1 (crm_mon: Not connected (code 102): "
                + "error: Could not connect to launcher: Connection refused", "nothing serves the storage");
        assertThat(a.verdict()).isEqualTo(Verdict.DOWN);

        // A client still logged in: the storage is served (a target left running), but nothing would fail it over.
        Assessment served = VmLabScenarios.healthy().nodes(StatusScript.CRM_MON, local("crm_mon_xml.no_cluster.txt")).judge();
        assertThat(only(served, "cluster.not-running").severity()).isEqualTo(Verdict.AT_RISK);
    }

    /** Hand-made: the applied cluster's crm_mon with p_vip stopped (not captured). */
    @Test
    void aStoppedVirtualIpIsDown() throws Exception {
        String xml = vmlab("node1.sbd-applied.crm_mon_xml.txt");
        int at = xml.indexOf("<resource id=\"p_vip\"");
        int end = xml.indexOf("</resource>", at) + "</resource>".length();
        String stopped = "<resource id=\"p_vip\" resource_agent=\"ocf:heartbeat:IPaddr2\" role=\"Stopped\" active=\"false\" failed=\"false\"/>";
        Assessment a = VmLabScenarios.healthy().nodes(StatusScript.CRM_MON, xml.substring(0, at) + stopped + xml.substring(end)).judge();

        assertThat(only(a, "vip.stopped").reason()).contains("192.168.50.100 is not up");
        assertThat(a.verdict()).isEqualTo(Verdict.DOWN);
    }

    // ---- SBD

    @Test
    void sbdMessagesUnreadableDisksAndMissingSlotsAreRisks() throws Exception {
        Assessment reset = VmLabScenarios.healthy().nodes(StatusScript.SBD, VmLabScenarios.sbdList("sbd_list.loop_reset.txt", 0)).judge();
        Finding message = only(reset, "sbd.message");
        assertThat(message.reason()).contains("'reset' message for node2 from vm");
        assertThat(message.fix()).isEqualTo("Once node2 is healthy again: sbd -d /dev/disk/by-id/virtio-tandem-sbd message node2 clear");

        Assessment blank = VmLabScenarios.healthy().fact("node2", StatusScript.SBD, VmLabScenarios.sbdList("sbd_list.loop_blank.txt", 1)).judge();
        assertThat(only(blank, "sbd.unreadable").subject()).isEqualTo("/dev/disk/by-id/virtio-tandem-sbd on node2");

        Assessment empty = VmLabScenarios.healthy().nodes(StatusScript.SBD, VmLabScenarios.sbdList("sbd_list.loop_empty.txt", 0)).judge();
        assertThat(codes(empty)).containsExactly("sbd.no-slot", "sbd.no-slot");
        assertThat(empty.verdict()).isEqualTo(Verdict.AT_RISK);
    }

    // ---- network

    @Test
    void aBondOnOneNicIsDegradedAndNamesTheNicToCheck() throws Exception {
        Assessment a = VmLabScenarios.healthy().fact("node1", StatusScript.BONDING, "@@BOND bond0\n"
                + vmlab("node1.bond0-eth0-down.proc_net_bonding_bond0.txt") + "@@BOND bond1\n" + vmlab("node1.bonded.proc_net_bonding_bond1.txt")).judge();

        Finding f = only(a, "bond.slave-down");
        assertThat(f.reason()).isEqualTo("bond0 on node1 runs on one NIC: eth0 is down (1 link failure counted). One more cable or port "
                + "fault cuts node1's client network.");
        assertThat(f.fix()).startsWith("Check the cable and switch port of eth0 on node1");
        assertThat(a.verdict()).isEqualTo(Verdict.DEGRADED);
    }

    @Test
    void aFailoverToAnotherNicAndNewLinkFailuresShowAgainstTheRoundBefore() throws Exception {
        Scenario s = VmLabScenarios.healthy();
        ClusterSnapshot before = s.read();
        String bond1 = "@@BOND bond1\n" + vmlab("node1.bonded.proc_net_bonding_bond1.txt");
        s.fact("node1", StatusScript.BONDING, "@@BOND bond0\n" + vmlab("node1.bond0-eth0-down.proc_net_bonding_bond0.txt") + bond1);
        ClusterSnapshot down = s.read();
        assertThat(codes(HealthRules.judge(s.project(), down, before))).containsExactlyInAnyOrder("bond.slave-down", "bond.switched", "bond.flapping");

        s.fact("node1", StatusScript.BONDING, "@@BOND bond0\n" + vmlab("node1.bond0-eth0-back.proc_net_bonding_bond0.txt") + bond1);
        ClusterSnapshot back = s.read();
        Assessment again = HealthRules.judge(s.project(), back, down);
        // Back on its primary eth0: a note for the log, not a problem, and no advice to check eth1, which is fine.
        assertThat(again.verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(only(again, "bond.back-on-primary").reason()).isEqualTo("bond0 on node1 is back on its primary eth0 (it ran on eth1).");
        assertThat(codes(again)).doesNotContain("bond.switched");

        Assessment alone = HealthRules.judge(s.project(), back);
        assertThat(alone.verdict()).as("an old link failure alone is a note").isEqualTo(Verdict.HEALTHY);
        assertThat(only(alone, "bond.past-failures").reason()).contains("eth0 (1)");
    }

    /**
     * Hand-made from real captures: a bond running on its second NIC although its primary has a link again, a moment no capture
     * holds (with primary_reselect always it lasts the up delay). The MII-monitored client bond returns after its up delay; the
     * ARP-monitored replication bond of a fallback project (MII polling 0, no up delay) as soon as its ARP probes are answered.
     */
    @Test
    void aBondOffItsPrimarySaysWhenItReturns() throws Exception {
        String miiBack = vmlab("node1.bond0-eth0-back.proc_net_bonding_bond0.txt").replace("Currently Active Slave: eth0", "Currently Active Slave: eth1");
        String arpBack = vmlab("node1.fallback.proc_net_bonding_bond1.txt").replace("Currently Active Slave: eth2", "Currently Active Slave: eth3");
        Assessment a = VmLabScenarios.healthy().fact("node1", StatusScript.BONDING, "@@BOND bond0\n" + miiBack + "@@BOND bond1\n" + arpBack).judge();

        List<Finding> off = a.findings().stream().filter(f -> f.code().equals("bond.off-primary")).toList();
        assertThat(off).extracting(Finding::reason).containsExactly("bond0 on node1 runs on eth1 although its primary eth0 has a link.",
                "bond1 on node1 runs on eth3 although its primary eth2 has a link.");
        assertThat(off).extracting(Finding::fix).containsExactly(
                "It returns to eth0 after the up delay (200 ms); if it stays on eth1, check eth0's link (ethtool eth0).",
                "It returns to eth2 once its ARP probes to the peer are answered again; if it stays on eth3, check eth2's link (ethtool eth2).");
    }

    /** Hand-made: eth1 of the eth0-down capture down too (no capture with both slaves down). */
    @Test
    void theClientBondDownOnTheServingNodeIsDown() throws Exception {
        String bothDown = vmlab("node1.bond0-eth0-down.proc_net_bonding_bond0.txt").replace("MII Status: up", "MII Status: down");
        Assessment a = VmLabScenarios.healthy().fact("node1", StatusScript.BONDING, "@@BOND bond0\n" + bothDown + "@@BOND bond1\n"
                + vmlab("node1.bonded.proc_net_bonding_bond1.txt")).judge();

        assertThat(only(a, "bond.down").reason()).contains("bond0 on node1 is down", "clients reach the target only through it");
        assertThat(a.verdict()).isEqualTo(Verdict.DOWN);
    }

    /** Debian 12's stock portblock's leftover rule (captured in a namespace on 192.0.2.10), here on the VM lab's virtual IP. */
    @Test
    void aLeftoverPortblockRuleBlocksClientsWhereItSits() throws Exception {
        String rule = local("iptables_S_INPUT.stock_portblock_after_unblock.txt").replace("192.0.2.10", "192.168.50.100");
        Assessment standby = VmLabScenarios.healthy().fact("node2", StatusScript.PORT_RULES, rule).judge();
        Finding leftover = only(standby, "portblock.leftover");
        assertThat(leftover.reason()).contains("after the next failover to node2 clients cannot log in");
        assertThat(leftover.fix()).isEqualTo("Remove it on node2: iptables -D INPUT -d 192.168.50.100/32 -p tcp -m multiport --dports 3260 -j DROP");
        assertThat(standby.verdict()).isEqualTo(Verdict.AT_RISK);

        Assessment serving = VmLabScenarios.healthy().fact("node1", StatusScript.PORT_RULES, rule).judge();
        assertThat(only(serving, "portblock.blocking").severity()).isEqualTo(Verdict.DOWN);

        Assessment elsewhere = VmLabScenarios.healthy().fact("node1", StatusScript.PORT_RULES,
                local("iptables_S_INPUT.stock_portblock_after_unblock.txt")).judge();
        assertThat(elsewhere.findings()).as("a rule for another address blocks nothing of ours").isEmpty();
    }

    @Test
    void clocksApartOrOffTheWorkstationAreDegraded() throws Exception {
        Assessment skew = VmLabScenarios.healthy().clockAhead("node2", 3).judge();
        assertThat(only(skew, "clock.skew").reason()).startsWith("The clocks of node1 and node2 are 3.0");
        assertThat(skew.verdict()).isEqualTo(Verdict.DEGRADED);

        Assessment both = VmLabScenarios.healthy().clockAhead("node1", 10).clockAhead("node2", 10).judge();
        assertThat(codes(both)).containsExactly("clock.offset", "clock.offset");
    }

    // ---- the target and the clients

    @Test
    void aLunTheTargetDoesNotExportOrTheClientDoesNotSeeIsDown() throws Exception {
        Assessment target = VmLabScenarios.healthy().fact("node1", StatusScript.TARGET, VmLabScenarios.LIO_SERVING.replace("@@LUN 1\n", "")).judge();
        assertThat(only(target, "lun.not-exported").reason()).contains("does not export LUN 1 (r1)");
        assertThat(target.verdict()).isEqualTo(Verdict.DOWN);

        // The reference lab's client capture: one LUN, while this project has two.
        Assessment client = VmLabScenarios.healthy().fact("client", StatusScript.SESSIONS, vmlab("client.healthy.iscsiadm_session_P3.txt")).judge();
        assertThat(only(client, "client.lun-missing").reason()).isEqualTo("client sees no disk for LUN 1 (r1).");

        Assessment absent = VmLabScenarios.healthy().fact("node1", StatusScript.TARGET, "@@ABSENT\n").judge();
        assertThat(only(absent, "target.missing").reason()).contains("node1's LIO has no target iqn.2024-01.test.lab:store");
    }

    @Test
    void aManagedClientWithoutItsSessionIsDown() throws Exception {
        // iscsiadm with no session prints nothing on stdout and exits 21.
        Assessment none = VmLabScenarios.healthy().fact("client", StatusScript.SESSIONS, "", 21).judge();
        Finding f = only(none, "client.no-session");
        assertThat(f.reason()).isEqualTo("client is not logged in to the target (although the target lists its name: a session being torn down)"
                + ": its applications cannot reach the storage.");
        assertThat(f.fix()).contains("iscsiadm -m node -T iqn.2024-01.test.lab:store -p 192.168.50.100:3260 --login");
        assertThat(none.verdict()).isEqualTo(Verdict.DOWN);

        // Hand-made: the session in recovery (no capture of one), and logged in through a node's own address.
        String p3 = vmlab("client.on-node1.iscsiadm_session_P3.txt");
        Assessment failed = VmLabScenarios.healthy().fact("client", StatusScript.SESSIONS, p3.replace("Session State: LOGGED_IN", "Session State: FAILED")
                .replace("Connection State: LOGGED IN", "Connection State: TRANSPORT WAIT")).judge();
        assertThat(only(failed, "client.session-failed").reason()).contains("FAILED (connection TRANSPORT WAIT)", "(180 s)");

        Assessment node = VmLabScenarios.healthy().fact("client", StatusScript.SESSIONS, p3.replace("Current Portal: 192.168.50.100", "Current Portal: 192.168.50.11")).judge();
        assertThat(only(node, "client.portal").severity()).isEqualTo(Verdict.AT_RISK);
    }

    @Test
    void aReplacementTimeoutShorterThanAFailoverIsARisk() throws Exception {
        Assessment a = VmLabScenarios.referenceLabHealthy().judge();

        Finding f = only(a, "client.replacement-timeout");
        assertThat(f.reason()).startsWith("client's replacement_timeout is 30 s, shorter than a usual failover (about 66 s;");
        assertThat(f.fix()).contains("-v 140");
        assertThat(codes(a)).containsExactlyInAnyOrder("client.replacement-timeout", "fencing.none");
    }

    // ---- hosts

    @Test
    void hostsThatDoNotAnswerAreFindingsNotFailures() throws Exception {
        Assessment client = VmLabScenarios.healthy().silent("client", "Connection refused").judge();
        assertThat(only(client, "host.unreachable").reason()).startsWith("client did not answer over SSH (Connection refused)");
        assertThat(client.verdict()).isEqualTo(Verdict.DEGRADED);

        Assessment nodes = VmLabScenarios.healthy().silent("node1", "No route to host").silent("node2", "No route to host")
                .fact("client", StatusScript.SESSIONS, "", 21).judge();
        assertThat(codes(nodes)).contains("hosts.none");
        assertThat(nodes.verdict()).isEqualTo(Verdict.DOWN);
    }

    @Test
    void theVerdictIsTheWorstFindingAndFindingsComeWorstFirst() {
        Assessment a = Assessment.of(List.of(new Finding(Verdict.DEGRADED, "a", "x", "r", "f"), new Finding(Verdict.HEALTHY, "n", "x", "r", "f"),
                new Finding(Verdict.DOWN, "b", "x", "r", "f"), new Finding(Verdict.AT_RISK, "c", "x", "r", "f")));
        assertThat(a.verdict()).isEqualTo(Verdict.DOWN);
        assertThat(codes(a)).containsExactly("b", "c", "a", "n");
        assertThat(a.problems()).hasSize(3);
        assertThat(Assessment.of(List.of(new Finding(Verdict.HEALTHY, "n", "x", "r", "f"))).verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(Verdict.AT_RISK.word()).isEqualTo("at risk");
    }
}
