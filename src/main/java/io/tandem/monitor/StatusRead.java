package io.tandem.monitor;

import io.tandem.discovery.FactScript;
import io.tandem.facts.ClusterStatus;
import io.tandem.facts.CrmMonParser;
import io.tandem.facts.DrbdDeviceState;
import io.tandem.facts.FactParseException;
import io.tandem.facts.ProcDrbdParser;
import io.tandem.model.DrbdResource;
import io.tandem.model.Initiator;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.RemoteCommand;
import io.tandem.ssh.SshConnection;
import io.tandem.ssh.SshFailure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One status read of a project's cluster: per node one round trip ({@code crm_mon} XML and
 * {@code /proc/drbd}, through the facts parsers), per client Tandem manages one more
 * ({@code iscsiadm -m session}). Read-only. A host that does not answer is named in the
 * snapshot's problems; the rest is still shown.
 */
public final class StatusRead {

    static final String SESSIONS = "iscsiadm -m session 2>/dev/null; true";

    private StatusRead() {
    }

    public static ClusterSnapshot read(Project project, StatusSource source) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        Optional<ClusterStatus> cluster = Optional.empty();
        List<ClusterSnapshot.DrbdLine> drbd = new ArrayList<>();
        for (Node node : project.nodes()) {
            try {
                Map<String, FactScript.Section> out = source.read(node.name(), List.of(new FactScript.Fact("crm-mon", CrmMonParser.COMMAND + " 2>/dev/null"),
                        new FactScript.Fact("proc-drbd", ProcDrbdParser.COMMAND)));
                if (cluster.isEmpty()) {
                    cluster = crmMon(out.get("crm-mon"));
                }
                drbd.addAll(drbd(project, node.name(), out.get("proc-drbd"), problems));
            } catch (SshFailure e) {
                problems.add(node.name() + " did not answer: " + e.getMessage());
            }
        }
        if (cluster.isEmpty() && problems.isEmpty()) {
            problems.add("Pacemaker did not answer on any node (crm_mon printed nothing readable)");
        }
        List<String> sessions = new ArrayList<>();
        for (Initiator client : project.managedInitiators()) {
            try {
                FactScript.Section out = source.read(client.name(), List.of(new FactScript.Fact("sessions", SESSIONS))).get("sessions");
                sessions.addAll(sessions(client.name(), out == null ? "" : out.output()));
            } catch (SshFailure e) {
                problems.add(client.name() + " did not answer: " + e.getMessage());
            }
        }
        List<ClusterSnapshot.ResourceLine> resources = cluster.map(StatusRead::resources).orElse(List.of());
        String targetAt = resources.stream().filter(r -> r.id().contains("target") && r.running()).map(ClusterSnapshot.ResourceLine::where)
                .findFirst().orElse("nowhere (the target resource is not running)");
        String target = project.target().iqn() + " at " + project.networks().client().virtualIp() + ":" + project.target().portalPort()
                + ", served by " + targetAt;
        Optional<ClusterStatus> c = cluster;
        List<ClusterSnapshot.NodeLine> nodes = project.nodes().stream().map(n -> new ClusterSnapshot.NodeLine(n.name(),
                c.flatMap(s -> s.node(n.name())).map(ClusterStatus.Node::online).orElse(false),
                targetAt.startsWith(n.name()) ? "serves the target" : "standby")).toList();
        return new ClusterSnapshot(Instant.now(), nodes, drbd, resources, target, sessions, problems);
    }

    private static Optional<ClusterStatus> crmMon(FactScript.Section section) {
        if (section == null || section.output().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CrmMonParser.parse(section.output()));
        } catch (FactParseException e) {
            return Optional.empty();
        }
    }

    private static List<ClusterSnapshot.DrbdLine> drbd(Project project, String node, FactScript.Section section, List<String> problems) {
        List<ClusterSnapshot.DrbdLine> lines = new ArrayList<>();
        List<DrbdDeviceState> states;
        try {
            states = ProcDrbdParser.parse(section == null ? "" : section.output());
        } catch (FactParseException e) {
            problems.add(node + ": /proc/drbd is not readable (" + e.getMessage() + ")");
            return lines;
        }
        for (DrbdResource r : project.replication().resources()) {
            Optional<DrbdDeviceState> s = states.stream().filter(d -> d.minor() == r.minor()).findFirst();
            lines.add(s.map(d -> new ClusterSnapshot.DrbdLine(node, r.name(), r.minor(), d.connectionState(), d.role() + "/" + d.peerRole(),
                            d.diskState() + "/" + d.peerDiskState(), d.sync() == null ? -1 : d.sync().percentDone()))
                    .orElse(new ClusterSnapshot.DrbdLine(node, r.name(), r.minor(), "not configured", "-", "-", -1)));
        }
        return lines;
    }

    private static List<ClusterSnapshot.ResourceLine> resources(ClusterStatus status) {
        List<String> ids = status.resources().stream().map(ClusterStatus.Resource::id).distinct().toList();
        List<ClusterSnapshot.ResourceLine> lines = new ArrayList<>();
        for (String id : ids) {
            List<ClusterStatus.Resource> instances = status.instances(id);
            List<String> where = instances.stream().filter(ClusterStatus.Resource::active)
                    .map(r -> String.join(",", r.nodes()) + (instances.size() > 1 ? " (" + r.role() + ")" : "")).toList();
            lines.add(new ClusterSnapshot.ResourceLine(id, instances.getFirst().agent(), where.isEmpty() ? "stopped" : String.join(", ", where),
                    instances.stream().anyMatch(ClusterStatus.Resource::failed)));
        }
        return lines;
    }

    /** "client is logged in to iqn… via 192.168.50.100:3260" per session {@code iscsiadm -m session} lists; one line saying so when unreadable. */
    static List<String> sessions(String client, String output) {
        try {
            return io.tandem.facts.IscsiSessionParser.parse(output).stream()
                    .map(s -> client + " is logged in to " + s.targetIqn() + " via " + s.portal()).toList();
        } catch (io.tandem.facts.FactParseException e) {
            return List.of(client + ": its iSCSI sessions could not be read (" + e.getMessage() + ")");
        }
    }

    /** Real hosts: one SSH login and one script per host. */
    public static StatusSource overSsh(Map<String, ConnectionSettings> settings) {
        return (host, facts) -> {
            ConnectionSettings s = settings.get(host);
            if (s == null) {
                throw new SshFailure(SshFailure.Kind.UNREACHABLE, host, "no login for " + host + ": discover it on the Nodes step first");
            }
            try (SshConnection ssh = SshConnection.open(s)) {
                String nonce = FactScript.nonce();
                String output = ssh.runAsRoot(RemoteCommand.script(FactScript.script(facts, nonce)), Duration.ofSeconds(30)).stdout();
                return FactScript.parse(output, nonce);
            }
        };
    }
}
