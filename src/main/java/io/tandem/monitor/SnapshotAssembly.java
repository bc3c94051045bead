package io.tandem.monitor;

import io.tandem.discovery.FactScript;
import io.tandem.facts.BondStatus;
import io.tandem.facts.BondingParser;
import io.tandem.facts.ClusterStatus;
import io.tandem.facts.CrmMonParser;
import io.tandem.facts.DiskCounters;
import io.tandem.facts.DiskStatsParser;
import io.tandem.facts.DrbdDeviceState;
import io.tandem.facts.DrbdStatusJsonParser;
import io.tandem.facts.FactParseException;
import io.tandem.facts.FramedSections;
import io.tandem.facts.IscsiSessionDetail;
import io.tandem.facts.IscsiSessionDetailParser;
import io.tandem.facts.LioConfigfs;
import io.tandem.facts.PeerPings;
import io.tandem.facts.PingResult;
import io.tandem.facts.PortBlockRules;
import io.tandem.facts.ProcDrbdParser;
import io.tandem.facts.ProcUptime;
import io.tandem.facts.SbdSlots;
import io.tandem.facts.TargetState;
import io.tandem.facts.TgtTargets;
import io.tandem.model.DrbdResource;
import io.tandem.model.NetworkRole;
import io.tandem.model.Project;
import io.tandem.model.TargetImplementation;
import io.tandem.render.modern.PacemakerLayoutBuilder;
import io.tandem.text.HostTextRecords;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the hosts' answers into a {@link ClusterSnapshot}: each section through its facts parser,
 * a fact that does not parse recorded as a problem with the parser's words (never guessed), and
 * the cluster's view taken from a node that counts itself online with quorum. A client's I/O
 * latency needs its previous read ({@code previous}: the last round's snapshot, null for the first
 * read). Pure: no I/O.
 */
final class SnapshotAssembly {

    /** The exit status of a shell command that is not installed. */
    private static final int NOT_INSTALLED = 127;
    /** tgtadm's exit status when no tgtd answers on its socket: no target there. */
    private static final int TGT_NOT_RUNNING = 107;

    private SnapshotAssembly() {
    }

    static ClusterSnapshot assemble(Project project, List<HostAnswer> answers, Instant readAt, Duration readTime) {
        return assemble(project, answers, readAt, readTime, null);
    }

    static ClusterSnapshot assemble(Project project, List<HostAnswer> answers, Instant readAt, Duration readTime, ClusterSnapshot previous) {
        List<String> problems = new ArrayList<>();
        List<ClusterSnapshot.NodeRead> nodeReads = new ArrayList<>();
        List<ClusterSnapshot.DrbdLine> drbd = new ArrayList<>();
        List<ClusterSnapshot.ClientRead> clientReads = new ArrayList<>();
        for (HostAnswer answer : answers) {
            boolean node = project.node(answer.host()).isPresent();
            if (!answer.answered()) {
                problems.add(answer.host() + " did not answer: " + answer.failure());
            }
            if (node) {
                nodeReads.add(nodeRead(project, answer));
                if (answer.answered()) {
                    drbd.addAll(drbd(project, answer, problems));
                }
            } else {
                clientReads.add(clientRead(answer, previous == null ? null : previous.clientRead(answer.host()).orElse(null)));
            }
        }
        Optional<ClusterSnapshot.NodeRead> viewFrom = view(nodeReads);
        Optional<ClusterStatus> view = viewFrom.map(ClusterSnapshot.NodeRead::pacemaker);
        if (view.isEmpty() && nodeReads.stream().anyMatch(ClusterSnapshot.NodeRead::answered)) {
            problems.add("Pacemaker did not answer on any node (" + nodeReads.stream().filter(ClusterSnapshot.NodeRead::answered)
                    .map(n -> n.name() + ": " + n.pacemakerProblem()).reduce((a, b) -> a + "; " + b).orElse("") + ")");
        }
        List<ClusterSnapshot.ResourceLine> resources = view.map(SnapshotAssembly::resources).orElse(List.of());
        String servedBy = view.flatMap(SnapshotAssembly::targetNode).orElse(null);
        String target = project.target().iqn() + " at " + project.networks().client().virtualIp() + ":" + project.target().portalPort()
                + ", served by " + (servedBy == null ? "nowhere (the target resource is not running)" : servedBy);
        List<ClusterSnapshot.NodeLine> nodes = project.nodes().stream().map(n -> {
            ClusterSnapshot.Membership membership = view.map(s -> membership(s, n.name())).orElse(ClusterSnapshot.Membership.UNKNOWN);
            return new ClusterSnapshot.NodeLine(n.name(), membership == ClusterSnapshot.Membership.ONLINE
                    || membership == ClusterSnapshot.Membership.STANDBY || membership == ClusterSnapshot.Membership.MAINTENANCE,
                    n.name().equals(servedBy) ? "serves the target" : "standby", membership);
        }).toList();
        ClusterSnapshot snapshot = new ClusterSnapshot(readAt, readTime, nodes, drbd, resources, target,
                sessions(project, clientReads, nodeReads, servedBy), problems, nodeReads, clientReads, servedBy,
                viewFrom.map(ClusterSnapshot.NodeRead::name).orElse(null));
        return HostTextRecords.escaped(snapshot);
    }

    // ---- one node

    private static ClusterSnapshot.NodeRead nodeRead(Project project, HostAnswer answer) {
        if (!answer.answered()) {
            return new ClusterSnapshot.NodeRead(answer.host(), false, answer.failure(), answer.took(), null, null, null, null, List.of(),
                    List.of(), null, List.of(), List.of(), List.of(), null);
        }
        List<String> problems = new ArrayList<>();
        Duration uptime = parse(answer, StatusScript.UPTIME, ProcUptime::parse, problems).orElse(null);
        ClusterStatus pacemaker = null;
        String pacemakerProblem = null;
        FactScript.Section crm = answer.section(StatusScript.CRM_MON).orElse(new FactScript.Section("", -1));
        if (crm.output().isBlank()) {
            pacemakerProblem = crm.exitStatus() == NOT_INSTALLED ? "crm_mon is not installed" : "crm_mon printed nothing (exit " + crm.exitStatus() + ")";
        } else {
            try {
                pacemaker = CrmMonParser.parse(crm.output());
            } catch (FactParseException e) {
                pacemakerProblem = e.getMessage();
            }
        }
        List<BondStatus> bonds = new ArrayList<>();
        for (var file : BondingParser.split(text(answer, StatusScript.BONDING)).entrySet()) {
            try {
                bonds.add(BondingParser.parse(file.getKey(), file.getValue()));
            } catch (FactParseException e) {
                problems.add("/proc/net/bonding/" + file.getKey() + " is not readable: " + e.getMessage());
            }
        }
        int port = project.target().portalPort();
        // Without iptables no rule can block the port: nothing to report.
        boolean noIptables = answer.section(StatusScript.PORT_RULES).map(s -> s.exitStatus() == NOT_INSTALLED).orElse(false);
        List<PortBlockRules.Rule> rules = noIptables ? List.of() : exited(answer, StatusScript.PORT_RULES, "iptables", problems)
                .flatMap(out -> parse(out, s -> PortBlockRules.parse(s, port), problems)).orElse(List.of());
        return new ClusterSnapshot.NodeRead(answer.host(), true, null, answer.took(), uptime, answer.clockOffset().orElse(null), pacemaker,
                pacemakerProblem, bonds, rules, target(project, answer, problems), sbd(answer), problems, peerRtt(project, answer, problems),
                qdevice(answer, problems));
    }

    /** The quorum device's client; null when the fact was not asked (no quorum device). */
    private static io.tandem.facts.QdeviceStatus qdevice(HostAnswer answer, List<String> problems) {
        Optional<FactScript.Section> section = answer.section(StatusScript.QDEVICE);
        if (section.isEmpty()) {
            return null;
        }
        try {
            return io.tandem.facts.QdeviceToolParser.parse(section.get().output(), section.get().exitStatus());
        } catch (FactParseException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    /** The node's pings to its peer, one per network; none when the fact was not asked or not answered. */
    private static List<ClusterSnapshot.PeerRtt> peerRtt(Project project, HostAnswer answer, List<String> problems) {
        Optional<FactScript.Section> section = answer.section(StatusScript.PEER_PINGS);
        Optional<io.tandem.model.Node> node = project.node(answer.host());
        if (section.isEmpty() || node.isEmpty()) {
            return List.of();
        }
        Map<String, String> targets = StatusScript.peerAddresses(project, node.get());
        Map<String, PingResult> results;
        try {
            results = PeerPings.parse(section.get().output(), targets.keySet());
        } catch (FactParseException e) {
            problems.add(e.getMessage());
            return List.of();
        }
        String peer = project.peerOf(answer.host()).name();
        List<ClusterSnapshot.PeerRtt> out = new ArrayList<>();
        for (NetworkRole role : NetworkRole.values()) {
            Optional.ofNullable(results.get(role.jsonName()))
                    .ifPresent(r -> out.add(new ClusterSnapshot.PeerRtt(role, peer, targets.get(role.jsonName()), r)));
        }
        return out;
    }

    private static TargetState target(Project project, HostAnswer answer, List<String> problems) {
        FactScript.Section section = answer.section(StatusScript.TARGET).orElse(null);
        if (section == null) {
            return null;
        }
        if (project.target().implementation() == TargetImplementation.TGT) {
            if (section.exitStatus() == TGT_NOT_RUNNING) {
                return TargetState.ABSENT;
            }
            return exited(answer, StatusScript.TARGET, "tgtadm", problems)
                    .flatMap(out -> parse(out, s -> TgtTargets.state(TgtTargets.parse(s), project.target().iqn()), problems)).orElse(null);
        }
        return parse(section.output(), LioConfigfs::parse, problems).orElse(null);
    }

    private static List<ClusterSnapshot.SbdDisk> sbd(HostAnswer answer) {
        List<ClusterSnapshot.SbdDisk> disks = new ArrayList<>();
        for (var block : FramedSections.split(text(answer, StatusScript.SBD), StatusScript.SBD_DISK).entrySet()) {
            String body = block.getValue();
            int exit = body.lastIndexOf(StatusScript.SBD_EXIT);
            String status = exit < 0 ? "" : body.substring(exit + StatusScript.SBD_EXIT.length()).strip();
            String slots = exit < 0 ? body : body.substring(0, exit);
            if (!status.equals("0")) {
                disks.add(new ClusterSnapshot.SbdDisk(block.getKey(), List.of(), status.equals(String.valueOf(NOT_INSTALLED))
                        ? "sbd is not installed" : "sbd cannot read it (exit " + (status.isEmpty() ? "unknown" : status)
                        + "): the disk is missing or holds no SBD header"));
                continue;
            }
            try {
                disks.add(new ClusterSnapshot.SbdDisk(block.getKey(), SbdSlots.parse(slots), null));
            } catch (FactParseException e) {
                disks.add(new ClusterSnapshot.SbdDisk(block.getKey(), List.of(), e.getMessage()));
            }
        }
        return disks;
    }

    private static List<ClusterSnapshot.DrbdLine> drbd(Project project, HostAnswer answer, List<String> problems) {
        List<ClusterSnapshot.DrbdLine> lines = new ArrayList<>();
        List<DrbdDeviceState> states;
        String procDrbd = text(answer, StatusScript.PROC_DRBD);
        try {
            states = ProcDrbdParser.parse(procDrbd);
        } catch (FactParseException e) {
            problems.add(answer.host() + ": /proc/drbd is not readable (" + e.getMessage() + ")");
            return lines;
        }
        if (procDrbd.startsWith("version: 9.")) {
            try {
                states = DrbdStatusJsonParser.parse(text(answer, StatusScript.DRBD9_STATUS));
            } catch (FactParseException e) {
                problems.add(answer.host() + ": DRBD 9's status is not readable (" + e.getMessage() + ")");
                return lines;
            }
        }
        for (DrbdResource r : project.replication().resources()) {
            Optional<DrbdDeviceState> s = states.stream().filter(d -> d.minor() == r.minor() && d.isConfigured()).findFirst();
            lines.add(s.map(d -> new ClusterSnapshot.DrbdLine(answer.host(), r.name(), r.minor(), d.connectionState(), d.role() + "/" + d.peerRole(),
                            d.diskState() + "/" + d.peerDiskState(), d.sync() == null ? -1 : d.sync().percentDone(), d))
                    .orElse(new ClusterSnapshot.DrbdLine(answer.host(), r.name(), r.minor(), "not configured", "-", "-", -1, null)));
        }
        return lines;
    }

    // ---- one client

    private static ClusterSnapshot.ClientRead clientRead(HostAnswer answer, ClusterSnapshot.ClientRead previous) {
        if (!answer.answered()) {
            return new ClusterSnapshot.ClientRead(answer.host(), false, answer.failure(), answer.took(), null, null, List.of(), null, List.of(),
                    null, List.of());
        }
        List<String> problems = new ArrayList<>();
        Duration uptime = parse(answer, StatusScript.UPTIME, ProcUptime::parse, problems).orElse(null);
        FactScript.Section section = answer.section(StatusScript.SESSIONS).orElse(new FactScript.Section("", -1));
        List<IscsiSessionDetail> sessions = List.of();
        List<String> sessionProblems = new ArrayList<>();
        if (section.exitStatus() == NOT_INSTALLED) {
            sessionProblems.add("iscsiadm is not installed (package open-iscsi)");
        } else if (section.exitStatus() != 0 && section.exitStatus() != IscsiSessionDetailParser.NO_SESSIONS) {
            sessionProblems.add("iscsiadm -m session failed (exit " + section.exitStatus() + ")");
        } else {
            sessions = parse(section.output(), IscsiSessionDetailParser::parse, sessionProblems).orElse(List.of());
        }
        ClusterSnapshot.DiskSample disks = null;
        String why = null;
        FactScript.Section stats = answer.section(StatusScript.DISK_STATS).orElse(null);
        if (stats == null || stats.exitStatus() != 0) {
            why = "/proc/diskstats was not read" + (stats == null ? "" : " (exit " + stats.exitStatus() + ")");
        } else {
            try {
                Map<String, DiskCounters> all = DiskStatsParser.parse(stats.output());
                disks = IoLatency.sample(answer.hostStartNanos().orElse(answer.localBefore()), sessions, all);
            } catch (FactParseException e) {
                why = e.getMessage();
                problems.add(why);
            }
        }
        return new ClusterSnapshot.ClientRead(answer.host(), true, null, answer.took(), uptime, answer.clockOffset().orElse(null), sessions,
                sessionProblems.isEmpty() ? null : String.join("; ", sessionProblems), problems, disks,
                IoLatency.between(sessions, disks, why, previous));
    }

    // ---- the cluster

    /** Pacemaker's view: from a node that counts itself online and has quorum, else from the first node whose crm_mon could be read. */
    private static Optional<ClusterSnapshot.NodeRead> view(List<ClusterSnapshot.NodeRead> reads) {
        List<ClusterSnapshot.NodeRead> readable = reads.stream().filter(r -> r.pacemaker() != null).toList();
        return readable.stream().filter(r -> r.pacemaker().node(r.name()).map(ClusterStatus.Node::online).orElse(false)
                        && !Boolean.FALSE.equals(r.pacemaker().summary().quorum())).findFirst()
                .or(() -> readable.stream().findFirst());
    }

    private static ClusterSnapshot.Membership membership(ClusterStatus status, String node) {
        return status.node(node).map(n -> n.unclean() ? ClusterSnapshot.Membership.UNCLEAN
                : !n.online() ? ClusterSnapshot.Membership.OFFLINE
                : n.maintenance() ? ClusterSnapshot.Membership.MAINTENANCE
                : n.standby() ? ClusterSnapshot.Membership.STANDBY : ClusterSnapshot.Membership.ONLINE).orElse(ClusterSnapshot.Membership.OFFLINE);
    }

    /** Where the target runs: Tandem's target resource, else (a cluster Tandem did not build) a running resource named like one. */
    private static Optional<String> targetNode(ClusterStatus status) {
        List<ClusterStatus.Resource> target = status.instances(PacemakerLayoutBuilder.TARGET_ID);
        List<ClusterStatus.Resource> candidates = target.isEmpty()
                ? status.resources().stream().filter(r -> r.id().toLowerCase(java.util.Locale.ROOT).contains("target")).toList() : target;
        return candidates.stream().filter(r -> r.active() && !r.nodes().isEmpty()).map(r -> r.nodes().getFirst()).findFirst();
    }

    private static List<ClusterSnapshot.ResourceLine> resources(ClusterStatus status) {
        List<String> ids = status.resources().stream().map(ClusterStatus.Resource::id).distinct().toList();
        List<ClusterSnapshot.ResourceLine> lines = new ArrayList<>();
        for (String id : ids) {
            List<ClusterStatus.Resource> instances = status.instances(id);
            List<String> where = instances.stream().filter(ClusterStatus.Resource::active)
                    .map(r -> String.join(",", r.nodes()) + (instances.size() > 1 ? " (" + r.role() + ")" : "")).toList();
            lines.add(new ClusterSnapshot.ResourceLine(id, instances.getFirst().agent(), where.isEmpty() ? "stopped" : String.join(", ", where),
                    instances.stream().anyMatch(ClusterStatus.Resource::failed),
                    status.failCounts().stream().filter(f -> f.resource().equals(id)).toList()));
        }
        return lines;
    }

    /**
     * One sentence per session: each managed client's ("client is logged in to IQN via PORTAL as
     * INITIATOR", and the session state when it is not logged in), then those the target on the
     * serving node lists for other initiators.
     */
    static List<String> sessions(Project project, List<ClusterSnapshot.ClientRead> clients, List<ClusterSnapshot.NodeRead> nodes, String servedBy) {
        List<String> lines = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (ClusterSnapshot.ClientRead client : clients) {
            for (IscsiSessionDetail s : client.sessions()) {
                known.add(s.initiatorName());
                lines.add(client.name() + " is logged in to " + s.targetIqn() + " via " + s.portal()
                        + (s.initiatorName() == null ? "" : " as " + s.initiatorName()) + (s.loggedIn() ? "" : ", session " + s.sessionState()));
            }
            if (client.sessionsProblem() != null) {
                lines.add(client.name() + ": its iSCSI sessions could not be read (" + client.sessionsProblem() + ")");
            }
        }
        nodes.stream().filter(n -> n.name().equals(servedBy) && n.target() != null).findFirst().ifPresent(n -> n.target().sessions().stream()
                .filter(s -> !known.contains(s.initiator()))
                .forEach(s -> lines.add(s.initiator() + (s.addresses().isEmpty() ? "" : " from " + String.join(", ", s.addresses()))
                        + " is logged in to " + project.target().iqn() + " (as the target on " + n.name() + " sees it)")));
        return lines;
    }

    // ---- helpers

    private static String text(HostAnswer answer, String fact) {
        return answer.section(fact).map(FactScript.Section::output).orElse("");
    }

    /** The output of {@code fact} when its command ran; a missing tool or a failure is a problem, not an empty answer. */
    private static Optional<String> exited(HostAnswer answer, String fact, String tool, List<String> problems) {
        Optional<FactScript.Section> section = answer.section(fact);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        int exit = section.get().exitStatus();
        if (exit == 0) {
            return Optional.of(section.get().output());
        }
        problems.add(exit == NOT_INSTALLED ? tool + " is not installed" : tool + " failed (exit " + exit + ")");
        return Optional.empty();
    }

    private interface Parser<T> {
        T parse(String output) throws FactParseException;
    }

    private static <T> Optional<T> parse(HostAnswer answer, String fact, Parser<T> parser, List<String> problems) {
        return answer.section(fact).flatMap(s -> parse(s.output(), parser, problems));
    }

    private static <T> Optional<T> parse(String output, Parser<T> parser, List<String> problems) {
        try {
            return Optional.ofNullable(parser.parse(output));
        } catch (FactParseException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }
}
