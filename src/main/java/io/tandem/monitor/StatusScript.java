package io.tandem.monitor;

import io.tandem.discovery.FactScript;
import io.tandem.facts.BondingParser;
import io.tandem.facts.CrmMonParser;
import io.tandem.facts.DiskStatsParser;
import io.tandem.facts.DrbdStatusJsonParser;
import io.tandem.facts.IscsiSessionDetailParser;
import io.tandem.facts.LioConfigfs;
import io.tandem.facts.PeerPings;
import io.tandem.facts.PortBlockRules;
import io.tandem.facts.ProcUptime;
import io.tandem.facts.SbdSlots;
import io.tandem.facts.ShellRead;
import io.tandem.facts.TgtTargets;
import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.model.Sbd;
import io.tandem.model.StonithType;
import io.tandem.model.TargetImplementation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one status round asks each host, as one fact script (one SSH round trip). Files are read
 * by shell builtins, so the programs a node runs are {@code date} twice, {@code crm_mon},
 * {@code iptables}, one {@code ping} per network to the peer (and {@code tgtadm}, {@code sbd} per
 * disk where they apply). Every command only reads: {@code crm_mon}, {@code /proc}, {@code iptables -S},
 * {@code sbd list}, LIO's configfs or {@code tgtadm --op show}, {@code iscsiadm -m session}; the
 * pings send one packet each and wait one second at most. The clock is stamped first and last so
 * the offset to this workstation can be measured around the round trip. A client's I/O latency
 * comes from its disks' counters in {@code /proc/diskstats}, which the kernel keeps anyway: two
 * rounds' reads give it without a single I/O of Tandem's own.
 */
public final class StatusScript {

    public static final String CLOCK_START = "clock-start";
    public static final String CLOCK_END = "clock";
    public static final String UPTIME = "uptime";
    public static final String CRM_MON = "crm-mon";
    public static final String PROC_DRBD = "proc-drbd";
    /** DRBD 9 only: its /proc/drbd has no per-minor lines, so its state comes from drbdsetup's JSON. */
    public static final String DRBD9_STATUS = "drbd9-status";
    public static final String BONDING = "bonding";
    public static final String PORT_RULES = "port-rules";
    public static final String TARGET = "target";
    public static final String SBD = "sbd";
    public static final String SESSIONS = "sessions";
    public static final String PEER_PINGS = "peer-pings";
    public static final String DISK_STATS = "disk-stats";
    /** With a quorum device: the node's qdevice client and its connection to the witness. */
    public static final String QDEVICE = "qdevice";
    /** Framing inside the SBD fact: one block per disk, its exit status on the block's last line. */
    static final String SBD_DISK = "@@SBD ";
    static final String SBD_EXIT = "@@EXIT ";

    private static final String CLOCK = "date +%s%N";
    /** Only where the module is 9 (8.4's drbdsetup has no JSON); the version is read with a builtin: no process on 8.4. */
    private static final String DRBD9_READ = "drbd_line=; { read -r drbd_line < /proc/drbd; } 2>/dev/null; case \"$drbd_line\" in 'version: 9.'*) "
            + DrbdStatusJsonParser.COMMAND + " ;; esac";
    /** The files are read with shell builtins ({@link ShellRead}): a process costs tens of milliseconds on a loaded host. */
    private static final String UPTIME_READ = ShellRead.file(ProcUptime.FACT);

    private StatusScript() {
    }

    /**
     * A node's facts: membership, DRBD, bonds, port rules, the target as its software has it, SBD
     * disks when fenced by SBD, and the round trip to its peer on each network.
     */
    public static List<FactScript.Fact> node(Project project, Node node) {
        List<FactScript.Fact> facts = new ArrayList<>();
        facts.add(new FactScript.Fact(CLOCK_START, CLOCK));
        facts.add(new FactScript.Fact(UPTIME, UPTIME_READ));
        facts.add(new FactScript.Fact(CRM_MON, CrmMonParser.COMMAND));
        facts.add(new FactScript.Fact(PROC_DRBD, "[ -r /proc/drbd ] && " + ShellRead.file("/proc/drbd") + "; true"));
        facts.add(new FactScript.Fact(DRBD9_STATUS, DRBD9_READ));
        facts.add(new FactScript.Fact(BONDING, BondingParser.ALL_COMMAND));
        facts.add(new FactScript.Fact(PORT_RULES, PortBlockRules.COMMAND));
        facts.add(new FactScript.Fact(TARGET, project.target().implementation() == TargetImplementation.TGT ? TgtTargets.COMMAND
                : LioConfigfs.command(project.target().iqn())));
        sbdDisks(project).ifPresent(command -> facts.add(new FactScript.Fact(SBD, command)));
        if (project.cluster().witness().isPresent()) {
            facts.add(new FactScript.Fact(QDEVICE, io.tandem.facts.QdeviceToolParser.COMMAND));
        }
        facts.add(new FactScript.Fact(PEER_PINGS, PeerPings.command(peerAddresses(project, node))));
        facts.add(new FactScript.Fact(CLOCK_END, CLOCK));
        return facts;
    }

    /** The peer's address on each network, by the network's name ("client", "replication"). */
    static Map<String, String> peerAddresses(Project project, Node node) {
        Node peer = project.peerOf(node.name());
        Map<String, String> targets = new LinkedHashMap<>();
        for (NetworkRole role : NetworkRole.values()) {
            peer.link(role).ifPresent(link -> targets.put(role.jsonName(), link.address()));
        }
        return targets;
    }

    /** A managed client's facts: its iSCSI sessions in detail and its disks' I/O counters. */
    public static List<FactScript.Fact> client() {
        return List.of(new FactScript.Fact(CLOCK_START, CLOCK), new FactScript.Fact(UPTIME, UPTIME_READ),
                new FactScript.Fact(SESSIONS, IscsiSessionDetailParser.COMMAND),
                new FactScript.Fact(DISK_STATS, ShellRead.file(DiskStatsParser.FACT)), new FactScript.Fact(CLOCK_END, CLOCK));
    }

    /** {@code sbd -d DEV list} per disk of the project, each framed with its exit status (1: no header, or unreadable). */
    private static java.util.Optional<String> sbdDisks(Project project) {
        var stonith = project.cluster().stonith();
        Sbd sbd = stonith.sbd();
        if (stonith.type() != StonithType.SBD || sbd == null || sbd.devices() == null || sbd.devices().isEmpty()) {
            return java.util.Optional.empty();
        }
        StringBuilder script = new StringBuilder();
        for (String device : sbd.devices()) {
            script.append("printf '").append(SBD_DISK).append("%s\\n' ").append(io.tandem.text.ShellQuote.quote(device)).append("; ")
                    .append(SbdSlots.command(device)).append("; echo \"").append(SBD_EXIT).append("$?\"\n");
        }
        return java.util.Optional.of(script.toString().strip());
    }
}
