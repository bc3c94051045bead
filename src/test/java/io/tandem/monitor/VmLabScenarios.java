package io.tandem.monitor;

import io.tandem.model.Project;
import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;

import static io.tandem.testing.Fixtures.local;
import static io.tandem.testing.Fixtures.vmlab;

/**
 * Clusters built from the VM labs' captures (fixtures/vmlab/README.md). Where a state was captured
 * on one node only, or not at all, the gap is filled and named here:
 * <ul>
 * <li>crm_mon prints the same cluster from either node; where only node1's was captured it is used for node2 too;</li>
 * <li>Tandem's VM lab captured node1's bonds only ({@code bonded}); node2 gets the same files (its NICs have other MACs, which no rule reads);</li>
 * <li>LIO's configfs was never captured (this machine has none): {@link #LIO_SERVING} is written from the kernel's documented
 *     {@code info} format ({@link io.tandem.facts.LioConfigfs});</li>
 * <li>uptime and {@code iptables -S INPUT} are this machine's (fixtures/local), as no lab state captured them;</li>
 * <li>SBD's {@code sbd list} is the loop-device capture of fixtures/local, framed as the status script frames it.</li>
 * <li>no lab state captured the nodes' pings or the client's {@code /proc/diskstats}: the pings are the veth captures of
 *     fixtures/local ({@code peer_pings.*}, other addresses, which no rule reads), the client's counters this machine's
 *     ({@link #clientDiskStats}).</li>
 * </ul>
 */
public final class VmLabScenarios {

    /** Hand-written (no LIO capture exists): the target of the VM lab projects on the node serving it, the client logged in. */
    public static final String LIO_SERVING = """
            @@TPG tpgt_1 1
            @@LUN 0
            @@LUN 1
            @@ACL iqn.2024-01.test.lab:client
            InitiatorName: iqn.2024-01.test.lab:client
            InitiatorAlias: client
            LIO Session ID: 1   ISID: 0x00 02 3d 00 00 01  TSIH: 1  SessionType: Normal
            Session State: TARG_SESS_STATE_LOGGED_IN
            ---------------------[iSCSI Session Values]-----------------------
              CmdSN/WR  :  CmdSN/WC  :  ExpCmdSN  :  MaxCmdSN  :     ITT    :     TTT
             0x00000040   0x00000040   0x00000c1d   0x00000c5c   0x47000000   0xffffffff
            ----------------------[iSCSI Connections]-------------------------
            CID: 0  Connection State: TARG_CONN_STATE_LOGGED_IN
               Address 192.168.50.20 TCP  StatSN: 0x00000c1a

            """;
    public static final String SBD_DISK = "/dev/disk/by-id/virtio-tandem-sbd";

    private VmLabScenarios() {
    }

    /**
     * This machine's {@code /proc/diskstats} capture ({@code before}, {@code after_io}, {@code idle_loop}) with the loop device
     * that did the I/O named {@code sdb} and the machine's disk {@code sda}, the lab client's two session disks.
     */
    public static String clientDiskStats(String capture) {
        return local("proc_diskstats." + capture + ".txt").replace(" loop0 ", " sdb ").replace(" vda ", " sda ");
    }

    public static String bonds() {
        return "@@BOND bond0\n" + vmlab("node1.bonded.proc_net_bonding_bond0.txt") + "@@BOND bond1\n" + vmlab("node1.bonded.proc_net_bonding_bond1.txt");
    }

    public static String sbdList(String capture, int exit) {
        return StatusScript.SBD_DISK + SBD_DISK + "\n" + local(capture) + StatusScript.SBD_EXIT + exit + "\n";
    }

    /**
     * examples/vm-lab-sbd.tandem.json as Tandem's VM lab ran it after apply ({@code sbd-applied}: everything on node1,
     * fence_sbd running, LIO): DRBD connected, both bonds on their primary, no port rule, the client logged in with both LUNs.
     */
    public static Scenario healthy() {
        Project project = Examples.read(Examples.VM_LAB_SBD);
        return common(new Scenario(project))
                .nodes(StatusScript.CRM_MON, vmlab("node1.sbd-applied.crm_mon_xml.txt"))
                .nodes(StatusScript.SBD, sbdList("sbd_list.loop_clear.txt", 0));
    }

    /** {@link #healthy()} with the client as quorum witness: both nodes' qdevice connected ({@code qdevice-applied}). */
    public static Scenario healthyWithWitness() {
        Project project = Examples.read(Examples.VM_LAB_QDEVICE);
        return common(new Scenario(project))
                .nodes(StatusScript.CRM_MON, vmlab("node1.sbd-applied.crm_mon_xml.txt"))
                .nodes(StatusScript.SBD, sbdList("sbd_list.loop_clear.txt", 0))
                .fact("node1", StatusScript.QDEVICE, vmlab("node1.qdevice-applied.corosync_qdevice_tool_s.txt"))
                .fact("node2", StatusScript.QDEVICE, vmlab("node2.qdevice-applied.corosync_qdevice_tool_s.txt"));
    }

    /** examples/vm-lab.tandem.json (no fencing) served by the stock LIO agents (lio-t), as in the {@code on-node1} captures. */
    public static Scenario vmLabLioT() throws Exception {
        Project project = JsonEdit.of(Examples.VM_LAB).set("$.target.implementation", "lio-t").remove("$.chap.outgoing").project();
        return common(new Scenario(project))
                .fact("node1", StatusScript.CRM_MON, vmlab("node1.on-node1.crm_mon_xml.txt"))
                .fact("node2", StatusScript.CRM_MON, vmlab("node2.on-node1.crm_mon_xml.txt"));
    }

    private static Scenario common(Scenario s) {
        return s.nodes(StatusScript.UPTIME, local("proc_uptime.txt"))
                .nodes(StatusScript.BONDING, bonds())
                .nodes(StatusScript.PORT_RULES, local("iptables_S_INPUT.empty.txt"))
                .fact("node1", StatusScript.PROC_DRBD, vmlab("node1.on-node1.proc_drbd.txt"))
                .fact("node2", StatusScript.PROC_DRBD, vmlab("node2.connected.proc_drbd.txt"))
                .fact("node1", StatusScript.TARGET, LIO_SERVING)
                .fact("node2", StatusScript.TARGET, "@@ABSENT\n")
                .fact("client", StatusScript.UPTIME, local("proc_uptime.txt"))
                .fact("client", StatusScript.SESSIONS, vmlab("client.on-node1.iscsiadm_session_P3.txt"))
                .nodes(StatusScript.PEER_PINGS, local("peer_pings.both_reply.txt"))
                .fact("client", StatusScript.DISK_STATS, clientDiskStats("before_io"));
    }

    /**
     * The hand-built reference lab (/work/shared/lab-vm-recipe.md): one DRBD resource r0, bond0 for clients, a plain
     * replication NIC, LIO through the stock agents, no fencing, a client with replacement_timeout 30. Its captures: healthy,
     * eth0-link-down, partitioned, after-node1-loss, after-partition-healed.
     */
    public static Project referenceLab() throws Exception {
        JsonEdit edit = JsonEdit.of(Examples.VM_LAB).set("$.target.implementation", "lio-t").remove("$.chap.outgoing")
                .remove("$.target.luns[1]").remove("$.replication.resources[1]")
                .set("$.initiators[0].timeouts.replacementTimeout", 30);
        for (int n = 0; n < 2; n++) {
            edit.remove("$.nodes[" + n + "].links[1].bond").set("$.nodes[" + n + "].links[1].interfaceName", "eth2");
        }
        return edit.project();
    }

    /** The reference lab as captured in state {@code healthy}: the target on node2. */
    public static Scenario referenceLabHealthy() throws Exception {
        return serving(new Scenario(referenceLab()), "node2", LIO_SERVING.replace("@@LUN 1\n", ""))
                .nodes(StatusScript.UPTIME, local("proc_uptime.txt"))
                .fact("client", StatusScript.UPTIME, local("proc_uptime.txt"))
                .nodes(StatusScript.PORT_RULES, local("iptables_S_INPUT.empty.txt"))
                .fact("node1", StatusScript.CRM_MON, vmlab("node1.healthy.crm_mon_xml.txt"))
                .fact("node2", StatusScript.CRM_MON, vmlab("node2.healthy.crm_mon_xml.txt"))
                .fact("node1", StatusScript.PROC_DRBD, vmlab("node1.healthy.proc_drbd.txt"))
                .fact("node2", StatusScript.PROC_DRBD, vmlab("node2.healthy.proc_drbd.txt"))
                .fact("node1", StatusScript.BONDING, "@@BOND bond0\n" + vmlab("node1.healthy.proc_net_bonding_bond0.txt"))
                .fact("node2", StatusScript.BONDING, "@@BOND bond0\n" + vmlab("node2.healthy.proc_net_bonding_bond0.txt"))
                .fact("client", StatusScript.SESSIONS, vmlab("client.healthy.iscsiadm_session_P3.txt"));
    }

    /** The target as {@code node}'s LIO shows it ({@code configfs}), absent on the other nodes. */
    public static Scenario serving(Scenario s, String node, String configfs) {
        s.project().nodes().forEach(n -> s.fact(n.name(), StatusScript.TARGET, n.name().equals(node) ? configfs : "@@ABSENT\n"));
        return s;
    }
}
