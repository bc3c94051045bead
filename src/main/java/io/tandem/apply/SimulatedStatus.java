package io.tandem.apply;

import io.tandem.discovery.Clock;
import io.tandem.discovery.FactScript;
import io.tandem.facts.BondStatus;
import io.tandem.model.Bond;
import io.tandem.model.BondMode;
import io.tandem.model.Initiator;
import io.tandem.model.Lun;
import io.tandem.model.NetworkRole;
import io.tandem.model.NetworkLink;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.model.StonithType;
import io.tandem.model.TargetImplementation;
import io.tandem.monitor.StatusScript;
import io.tandem.monitor.StatusSource;
import io.tandem.render.modern.CorosyncRenderer;
import io.tandem.ssh.SshFailure;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The demo's status round: every fact a real node or client answers, in the real tools' formats,
 * so the real parsers and health rules read it. Healthy, a cluster built by the simulation has its
 * bonds on their primary NIC, no port rule, the target with every LUN on the serving node, the
 * client logged in through the virtual IP with a disk per LUN and the SBD slots clear. The
 * {@link DemoFault}s on show where they would: /proc/drbd per node ({@link SimulatedDrbd}), a bond's
 * NICs without link, a lost node that does not answer at all (SSH's "no route to host") and is
 * offline in the other's crm_mon. Each host's read sees the faults of one moment. The clients'
 * disks do I/O ({@link SimulatedDiskStats}) and the nodes ping each other ({@link SimulatedPings}):
 * a replication link down or a lost node leaves the pings to the standby without a reply.
 */
final class SimulatedStatus {

    private final SimulatedCluster cluster;
    private final long bootedNanos = System.nanoTime();
    private final SimulatedDiskStats disks = new SimulatedDiskStats();
    private final SimulatedPings pings = new SimulatedPings();

    SimulatedStatus(SimulatedCluster cluster) {
        this.cluster = cluster;
    }

    StatusSource source() {
        return (host, facts) -> {
            FaultState state = cluster.faultState();
            if (state.on(DemoFault.NODE_LOST) && host.equals(cluster.standbyNode())) {
                String address = project().node(host).map(n -> n.ssh() == null ? host : n.ssh().address()).orElse(host);
                throw new SshFailure(SshFailure.Kind.UNREACHABLE, host, address + " is unreachable (no route to host)");
            }
            Map<String, FactScript.Section> out = new HashMap<>();
            for (FactScript.Fact fact : facts) {
                out.put(fact.name(), answer(host, fact.name(), state));
            }
            return out;
        };
    }

    private Project project() {
        return cluster.project();
    }

    private FactScript.Section answer(String host, String fact, FaultState state) {
        boolean built = cluster.isDone("cib");
        boolean loggedIn = cluster.loggedIn();
        return switch (fact) {
            case StatusScript.CLOCK_START, StatusScript.CLOCK_END -> ok(Clock.nowNanos() + "\n");
            case StatusScript.UPTIME -> ok(uptime());
            case StatusScript.CRM_MON -> ok(built ? cluster.crmMon(state) : "");
            case StatusScript.PROC_DRBD -> ok(cluster.procDrbd(host, state));
            case StatusScript.BONDING -> ok(bonds(host, state));
            case StatusScript.PORT_RULES -> ok("-P INPUT ACCEPT\n");
            case StatusScript.TARGET -> target(host, built && host.equals(cluster.servingNode()), loggedIn);
            case StatusScript.SBD -> ok(sbd(state));
            case StatusScript.SESSIONS -> loggedIn ? ok(sessions(host)) : new FactScript.Section("", 21);
            case StatusScript.DISK_STATS -> ok(disks.read(host, loggedIn ? project().target().luns().stream()
                    .map(l -> SimulatedDiskStats.device(project().target().luns().indexOf(l))).toList() : List.of(),
                    state.disconnectedSince(project().networks().replication().fallsBackOverClient()) != null, System.nanoTime()));
            case StatusScript.PEER_PINGS -> ok(peerPings(host, state));
            case StatusScript.QDEVICE -> qdevice(host, built);
            default -> ok("");
        };
    }

    /** corosync-qdevice-tool -s in the words of the captured lab nodes: connected once the cluster is built, not running before. */
    private FactScript.Section qdevice(String host, boolean built) {
        var device = project().cluster().witness();
        if (!built || device.isEmpty()) {
            return new FactScript.Section("corosync-qdevice-tool: Can't connect to QDevice socket (is QDevice running?): No such file or directory\n", 3);
        }
        List<Node> nodes = project().nodes();
        StringBuilder out = new StringBuilder("Qdevice information\n-------------------\nModel:\t\t\tNet\nNode ID:\t\t")
                .append(CorosyncRenderer.nodeId(project(), host)).append("\nConfigured node list:\n");
        for (int i = 0; i < nodes.size(); i++) {
            out.append("    ").append(i).append("\tNode ID = ").append(CorosyncRenderer.nodeId(project(), nodes.get(i).name())).append('\n');
        }
        out.append("Membership node list:\t1, 2\n\nQdevice-net information\n----------------------\nCluster name:\t\t").append(project().clusterName())
                .append("\nQNetd host:\t\t").append(device.get().addressIn(project())).append(':').append(device.get().portOrDefault())
                .append("\nAlgorithm:\t\tFifty-Fifty split\nTie-breaker:\t\tNode with node ID ")
                .append(CorosyncRenderer.nodeId(project(), project().cluster().preferredNode())).append("\nState:\t\t\tConnected\n");
        return ok(out.toString());
    }

    private static FactScript.Section ok(String text) {
        return new FactScript.Section(text, 0);
    }

    /**
     * {@code host}'s ping to its peer on each network: no reply from the standby's replication
     * address while that link is cut (but with the fallback over the client network), none at all from a lost node (and none to the serving node
     * from one, though a lost node answers nothing anyway).
     */
    private String peerPings(String host, FaultState state) {
        Node peer = project().peerOf(host);
        StringBuilder out = new StringBuilder();
        for (NetworkRole role : NetworkRole.values()) {
            boolean lost = state.on(DemoFault.NODE_LOST) && (peer.name().equals(cluster.standbyNode()) || host.equals(cluster.standbyNode()));
            // With the fallback, the peer's replication address answers over the client network.
            boolean cut = role == NetworkRole.REPLICATION && state.on(DemoFault.REPLICATION_LINK_DOWN)
                    && !project().networks().replication().fallsBackOverClient();
            peer.link(role).ifPresent(link -> out.append(SimulatedPings.framed(role.jsonName(), link.address(),
                    lost || cut ? null : pings.roundTrip(role == NetworkRole.CLIENT ? 0.22 : 0.11))));
        }
        return out.toString();
    }

    /** The hosts have been up for three days plus the time the demo runs. */
    private String uptime() {
        double seconds = 3 * 86_400 + (System.nanoTime() - bootedNanos) / 1e9;
        return String.format(Locale.ROOT, "%.2f %.2f%n", seconds, seconds * 1.9);
    }

    /**
     * /proc/net/bonding as the 6.1 kernel's driver writes it, for each bond of the node: a NIC a
     * fault cut is down ("Speed: Unknown", as the VM lab's eth0-link-down capture shows) and each
     * NIC's link failures stay counted; an active-backup bond runs on its primary while it has a
     * link, else on the next NIC with one ("None" without any). Modes without a primary (round
     * robin, xor, broadcast, 802.3ad) print neither line, as the driver does.
     */
    private String bonds(String host, FaultState state) {
        StringBuilder out = new StringBuilder();
        Node node = project().node(host).orElse(null);
        if (node == null) {
            return "";
        }
        List<String> cut = state.since().keySet().stream().flatMap(f -> cluster.nicsCut(f).stream()).toList();
        int mac = 0;
        for (NetworkLink link : node.links()) {
            if (link.bond() == null) {
                continue;
            }
            Bond bond = link.bond();
            List<String> up = bond.slaves().stream().filter(s -> !cut.contains(host + " " + s)).toList();
            String preferred = bond.primary() != null ? bond.primary() : bond.slaves().getFirst();
            String active = up.contains(preferred) ? preferred : up.stream().findFirst().orElse("None");
            out.append("@@BOND ").append(link.interfaceName()).append('\n')
                    .append("Ethernet Channel Bonding Driver: v6.1.0-27-amd64\n\n")
                    .append("Bonding Mode: ").append(BondStatus.driverText(bond.mode())).append('\n');
            if (Set.of(BondMode.ACTIVE_BACKUP, BondMode.BALANCE_TLB, BondMode.BALANCE_ALB).contains(bond.mode())) {
                out.append("Primary Slave: ").append(bond.primary() == null ? "None" : bond.primary() + " (primary_reselect always)")
                        .append("\nCurrently Active Slave: ").append(active).append('\n');
            }
            out.append("MII Status: ").append(up.isEmpty() ? "down" : "up").append("\nMII Polling Interval (ms): ").append(bond.miimon())
                    .append("\nUp Delay (ms): ").append(bond.updelay()).append("\nDown Delay (ms): ").append(bond.downdelay())
                    .append("\nPeer Notification Delay (ms): 0\n");
            for (String slave : bond.slaves()) {
                boolean linked = up.contains(slave);
                out.append(String.format(Locale.ROOT, "\nSlave Interface: %s\nMII Status: %s\nSpeed: %s\nDuplex: %s\nLink Failure Count: %d\n"
                                + "Permanent HW addr: 52:54:00:%02x:00:%02x\nSlave queue ID: 0\n", slave, linked ? "up" : "down",
                        linked ? "1000 Mbps" : "Unknown", linked ? "full" : "Unknown", state.linkFailures(host, slave),
                        project().nodes().indexOf(node) + 1, mac++));
            }
        }
        return out.toString();
    }

    /** The target on the node that serves it: LIO's configfs or tgtadm's listing, with the client's session once it logged in. */
    private FactScript.Section target(String host, boolean serving, boolean loggedIn) {
        List<Initiator> clients = project().managedInitiators();
        if (project().target().implementation() == TargetImplementation.TGT) {
            if (!serving) {
                return ok("");
            }
            StringBuilder out = new StringBuilder("Target 1: " + project().target().iqn() + "\n    System information:\n        Driver: iscsi\n"
                    + "        State: ready\n    I_T nexus information:\n");
            int nexus = 1;
            for (Initiator c : loggedIn ? clients : List.<Initiator>of()) {
                out.append("        I_T nexus: ").append(nexus++).append("\n            Initiator: ").append(c.iqn()).append(" alias: ")
                        .append(c.name()).append("\n            Connection: 0\n                IP Address: ").append(address(c)).append('\n');
            }
            out.append("    LUN information:\n        LUN: 0\n            Type: controller\n            Backing store path: None\n");
            for (Lun lun : project().target().luns()) {
                out.append("        LUN: ").append(lun.number()).append("\n            Type: disk\n            Backing store path: /dev/drbd")
                        .append(project().resource(lun.resource()).map(r -> r.minor()).orElse(0)).append('\n');
            }
            return ok(out.append("    Account information:\n    ACL information:\n        ").append(project().networks().client().cidr())
                    .append('\n').toString());
        }
        if (!serving) {
            return ok("@@ABSENT\n");
        }
        StringBuilder out = new StringBuilder("@@TPG tpgt_1 1\n");
        project().target().luns().forEach(l -> out.append("@@LUN ").append(l.number()).append('\n'));
        int sid = 1;
        for (Initiator c : clients) {
            out.append("@@ACL ").append(c.iqn()).append('\n');
            if (loggedIn) {
                out.append("InitiatorName: ").append(c.iqn()).append("\nInitiatorAlias: ").append(c.name()).append("\nLIO Session ID: ").append(sid++)
                        .append("   ISID: 0x00 02 3d 00 00 01  TSIH: 1  SessionType: Normal\nSession State: TARG_SESS_STATE_LOGGED_IN\n")
                        .append("----------------------[iSCSI Connections]-------------------------\nCID: 0  Connection State: TARG_CONN_STATE_LOGGED_IN\n")
                        .append("   Address ").append(address(c)).append(" TCP  StatSN: 0x00000001\n");
            } else {
                out.append("No active iSCSI Session for Initiator Endpoint: ").append(c.iqn()).append('\n');
            }
        }
        return ok(out.toString());
    }

    private static String address(Initiator client) {
        return client.ssh() == null ? "0.0.0.0" : client.ssh().address();
    }

    /** {@code sbd list} per disk: a slot per node, nothing pending; a lost node's slot holds the reset the serving node fenced it with. */
    private String sbd(FaultState state) {
        var stonith = project().cluster().stonith();
        if (stonith.type() != StonithType.SBD || stonith.sbd() == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String device : stonith.sbd().devices()) {
            out.append("@@SBD ").append(device).append('\n');
            List<Node> nodes = project().nodes();
            for (int i = 0; i < nodes.size(); i++) {
                boolean fenced = state.on(DemoFault.NODE_LOST) && nodes.get(i).name().equals(cluster.standbyNode());
                out.append(i).append('\t').append(nodes.get(i).name()).append(fenced ? "\treset\t" + cluster.servingNode() : "\tclear\t").append('\n');
            }
            out.append("@@EXIT 0\n");
        }
        return out.toString();
    }

    /** {@code iscsiadm -m session -P 3} on the client: one session through the virtual IP, a disk per LUN. */
    private String sessions(String host) {
        Initiator client = project().managedInitiators().stream().filter(i -> i.name().equals(host)).findFirst().orElse(null);
        if (client == null) {
            return "";
        }
        Integer timeout = client.timeouts() == null ? null : client.timeouts().replacementTimeout();
        StringBuilder out = new StringBuilder("iSCSI Transport Class version 2.0-870\nversion 2.1.8\nTarget: ").append(project().target().iqn())
                .append(" (non-flash)\n\tCurrent Portal: ").append(project().networks().client().virtualIp()).append(':')
                .append(project().target().portalPort()).append(",1\n\tPersistent Portal: ").append(project().networks().client().virtualIp())
                .append(':').append(project().target().portalPort()).append(",1\n\t\tIface Initiatorname: ").append(client.iqn())
                .append("\n\t\tIface IPaddress: ").append(address(client)).append("\n\t\tSID: 1\n\t\tiSCSI Connection State: LOGGED IN\n")
                .append("\t\tiSCSI Session State: LOGGED_IN\n\t\tInternal iscsid Session State: NO CHANGE\n\t\tRecovery Timeout: ")
                .append(timeout == null ? 120 : timeout).append("\n\t\tAttached SCSI devices:\n\t\tHost Number: 2\tState: running\n");
        int disk = 0;
        for (Lun lun : project().target().luns()) {
            out.append("\t\tscsi2 Channel 00 Id 0 Lun: ").append(lun.number()).append("\n\t\t\tAttached scsi disk ")
                    .append(SimulatedDiskStats.device(disk++)).append("\t\tState: running\n");
        }
        return out.toString();
    }
}
