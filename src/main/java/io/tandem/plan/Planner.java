package io.tandem.plan;

import io.tandem.model.Backing;
import io.tandem.model.DiskLayout;
import io.tandem.model.DrbdResource;
import io.tandem.model.InitialSync;
import io.tandem.model.Initiator;
import io.tandem.model.Node;
import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.model.Sbd;
import io.tandem.model.StonithType;
import io.tandem.model.TargetImplementation;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.CibRenderer;
import io.tandem.render.modern.Drbd84AgentRenderer;
import io.tandem.render.modern.PacemakerLayoutBuilder;
import io.tandem.render.modern.PartitionTableRenderer;
import io.tandem.render.modern.ReplicationFallback;
import io.tandem.render.modern.SysctlRenderer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The desired state of a project as candidate steps, in the order apply runs them. Pure: the
 * same project, files and probe results give the same steps. Planning is two passes: the
 * candidates' probes are sent to the hosts (one script per host), then the candidates are made
 * again with the results (for their sentences and diffs) and only those not done are kept.
 */
public final class Planner {

    /** How long a node waits for Tandem to come back over its new network before it rolls itself back. */
    public static final Duration NETWORK_WINDOW = Duration.ofSeconds(90);

    private Planner() {
    }

    /** Why apply cannot handle this project yet (empty when it can). */
    public static List<String> unsupported(Project project) {
        List<String> reasons = new ArrayList<>();
        if (project.profile() != Profile.MODERN) {
            reasons.add("the legacy profile is for export only (Heartbeat and IET are not deployed): set \"profile\": \"modern\"");
        }
        return reasons;
    }

    /** Why apply must not run this plan, seen in the hosts' answers (a backing device too small for DRBD): apply refuses before writing anything. */
    public static List<String> refusals(Project project, ProbeResults probed) {
        return BackingSizes.refusals(project, probed);
    }

    /** What the operator should know about the devices the plan saw (backing devices of clearly different sizes). */
    public static List<String> notes(Project project, ProbeResults probed) {
        return BackingSizes.notes(project, probed);
    }

    public static List<Step> candidates(Project project, FileSet files, ProbeResults probed) {
        List<Step> steps = new ArrayList<>();
        List<Node> nodes = project.nodes();
        List<String> nodeNames = nodes.stream().map(Node::name).toList();
        List<Initiator> clients = project.managedInitiators();

        for (Node node : nodes) {
            steps.add(PackageStep.step(node.name(), Packages.forNode(project, node), probed));
        }
        for (Initiator client : clients) {
            steps.add(PackageStep.step(client.name(), Packages.forInitiator(project, client), probed));
        }

        for (Node node : nodes) {
            steps.add(ServiceSteps.disableOutsidePacemaker(node.name(), unitsOutsidePacemaker(project), probed));
            steps.add(ServiceSteps.stopForeignCluster(node.name(), project.clusterName(), probed));
        }

        for (String host : files.hosts()) {
            // Programs first (agents, DRBD's fence-peer handler), then the configuration that calls them:
            // a .res naming a handler not yet there would leave DRBD's I/O frozen if it fenced meanwhile.
            List<RenderedFile> programsFirst = files.filesOf(host).stream()
                    .sorted(Comparator.comparing(f -> (f.mode() & 0111) == 0)).toList();
            for (RenderedFile file : programsFirst) {
                if (!host.equals(RenderedFile.CLUSTER) && !isNetwork(file) && !file.path().equals("/etc/fstab")) {
                    steps.add(FileSteps.step(files, file, Phase.FILES, "", probed));
                }
            }
        }
        for (Node node : nodes) {
            files.find(node.name(), "/etc/modules-load.d/tandem.conf").ifPresent(f -> steps.add(ServiceSteps.loadModules(node.name(), modules(f.content()))));
            files.find(node.name(), SysctlRenderer.PATH).ifPresent(f -> steps.add(ServiceSteps.applySysctl(node.name(), f.path(), SysctlRenderer.settings(f.content()))));
            files.find(node.name(), ReplicationFallback.UNIT_PATH).ifPresent(f -> steps.add(ServiceSteps.enableNow(node.name(), ReplicationFallback.UNIT,
                    "while the replication bond has no link, it routes the peer's replication address over the client network")));
        }

        for (Node node : nodes) {
            List<RenderedFile> network = files.filesOf(node.name()).stream().filter(Planner::isNetwork).toList();
            if (!network.isEmpty()) {
                steps.add(NetworkSteps.step(project, node, files, network, probed));
            }
        }

        String first = project.cluster().preferredNode();
        String second = project.peerOf(first).name();
        Optional<Sbd> sbd = sbd(project);
        sbd.ifPresent(s -> s.devices().forEach(device -> steps.add(SbdSteps.header(s, device, first, second, probed))));

        // GPT layout: the partition table first (Disks), so the metadata step finds the partition it writes to.
        Map<Backing, Step> tables = new LinkedHashMap<>();
        for (DrbdResource resource : project.replication().resources()) {
            for (Backing backing : resource.backing()) {
                if (backing.layoutOrDefault() == DiskLayout.GPT_PARTITION) {
                    String script = files.find(backing.node(), PartitionTableRenderer.path(resource)).orElseThrow().content();
                    Step table = PartitionSteps.table(resource, backing, script, probed);
                    steps.add(table);
                    tables.put(backing, table);
                }
            }
        }
        for (DrbdResource resource : project.replication().resources()) {
            for (Backing backing : resource.backing()) {
                // Only internal metadata lives on the partition; an external metadata device is not touched by the table step.
                Optional<Check> table = Optional.ofNullable(tables.get(backing)).filter(t -> backing.internalMetadata()).map(Step::check);
                steps.add(DrbdSteps.createMetadata(resource, backing, probed, table.map(t -> !t.done(probed)).orElse(false), table));
            }
        }
        for (DrbdResource resource : project.replication().resources()) {
            for (Node node : nodes) {
                steps.add(DrbdSteps.up(resource, node.name()));
            }
        }
        for (DrbdResource resource : project.replication().resources()) {
            boolean skipBlank = project.replication().initialSyncOrDefault() == InitialSync.SKIP_NEW_DISKS;
            if (skipBlank) {
                resource.backing().forEach(backing -> steps.add(DrbdSteps.proveBlank(resource, backing)));
            }
            steps.add(DrbdSteps.initialSync(resource, first, second, skipBlank, probed));
        }

        project.cluster().witness().ifPresent(device -> {
            steps.add(QuorumDeviceSteps.witness(device.host()));
            steps.add(QuorumDeviceSteps.certificates(project.clusterName(), device.host(), nodeNames));
        });
        steps.add(ClusterSteps.authkey(nodeNames));
        // sbd enabled before the stack on each node: corosync then requires sbd.service and starts it along (pacemaker waits for it).
        sbd.ifPresent(s -> nodes.forEach(node -> steps.add(SbdSteps.enable(node.name(), s))));
        for (Node node : nodes) {
            steps.add(ClusterSteps.startStack(node.name(), project.clusterName(), sbd.isPresent()));
        }
        if (project.cluster().witness().isPresent()) {
            nodes.forEach(node -> steps.add(QuorumDeviceSteps.startQdevice(node.name())));
        }
        steps.add(ClusterSteps.membership(first, nodeNames));
        String cib = files.files().stream().filter(f -> f.path().equals(CibRenderer.PATH)).findFirst()
                .map(f -> files.text(f, SecretPolicy.REVEAL)).orElseThrow();
        if (!PacemakerLayoutBuilder.usesPortblock(project)) {
            steps.add(ClusterSteps.retirePortblock(first));
        }
        List<String> drbdPrimitives = project.replication().resources().stream().map(PacemakerLayoutBuilder::drbdPrimitiveId).toList();
        steps.add(DrbdNotificationsOff.step(first, drbdPrimitives));
        if (Drbd84AgentRenderer.usedBy(project)) {
            steps.add(DrbdAgentSwitch.step(first, DrbdAgentSwitch.renderedPrimitives(cib, drbdPrimitives)));
        }
        steps.add(ClusterSteps.cib(first, cib));
        steps.add(ClusterSteps.resourcesRunning(first, CibMerge.primitiveIds(cib)));

        for (Initiator client : clients) {
            steps.add(InitiatorSteps.login(project, client));
            if (client.filesystem() != null) {
                steps.add(InitiatorSteps.filesystem(project, client, probed));
                steps.add(InitiatorSteps.mount(project, client));
            }
        }
        return steps;
    }

    /** Every probe of the candidates, per host, each once. */
    public static Map<String, List<Probe>> probes(List<Step> candidates) {
        Map<String, Map<String, Probe>> byHost = new LinkedHashMap<>();
        for (Step step : candidates) {
            for (Probe probe : step.check().probes()) {
                byHost.computeIfAbsent(probe.host(), h -> new LinkedHashMap<>()).putIfAbsent(probe.name(), probe);
            }
        }
        Map<String, List<Probe>> out = new LinkedHashMap<>();
        byHost.forEach((host, probes) -> out.put(host, List.copyOf(probes.values())));
        return out;
    }

    static boolean isNetwork(RenderedFile file) {
        return file.path().startsWith("/etc/network/interfaces") || file.path().startsWith("/etc/netplan/");
    }

    static List<String> modules(String modulesLoadConf) {
        return modulesLoadConf.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Units the packages start that must stay off: Pacemaker alone runs DRBD and the target. tgt's daemon stays: the tgt agent needs it. */
    static List<String> unitsOutsidePacemaker(Project project) {
        List<String> units = new ArrayList<>(List.of("drbd", "pcsd", "rtslib-fb-targetctl", "targetclid.socket", "targetclid"));
        if (project.target().implementation() != TargetImplementation.TGT) {
            units.add("tgt");
        }
        return units;
    }

    private static Optional<Sbd> sbd(Project project) {
        return project.cluster().stonith().type() == StonithType.SBD ? Optional.of(project.cluster().stonith().sbd()) : Optional.empty();
    }

}
