package io.tandem.apply;

import io.tandem.discovery.DemoHostConnector;
import io.tandem.discovery.HostFacts;
import io.tandem.facts.BlockDevice;
import io.tandem.facts.DpkgQueryParser;
import io.tandem.facts.HostFile;
import io.tandem.facts.Signature;
import io.tandem.model.Bond;
import io.tandem.model.DrbdResource;
import io.tandem.model.NetworkLink;
import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.plan.ClusterSteps;
import io.tandem.plan.FileRead;
import io.tandem.plan.Plan;
import io.tandem.plan.Planner;
import io.tandem.plan.Probe;
import io.tandem.plan.ProbeResults;
import io.tandem.plan.Step;
import io.tandem.render.modern.CibRenderer;
import io.tandem.render.modern.Drbd84AgentRenderer;
import io.tandem.ssh.SshFailure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo cluster's servers, simulated behind the engine's seams: plan-time probes are answered
 * from the demo's shipped facts (its packages, disks and files, so the plan and its diffs are the
 * real planner's), and apply's commands are answered by {@link SimulatedRemote} with outputs in the
 * real tools' formats (apt's lines, /proc/drbd, crm_mon XML), which the real steps parse. What a
 * simulated host cannot do is run a step's probe scripts after a change: it remembers instead
 * which steps ran to the end. Durations are compressed: a whole demo apply takes about 30 s at
 * {@code pace} 1.
 *
 * <p>One apply fault can be armed: node2's repositories lack a package, so its package step fails
 * once with apt's real message; the next try (Retry) finds it. Once built ({@link #applied} makes
 * one without running the apply), the user can switch {@link DemoFault}s on and off and see what
 * the monitoring says ({@link #statusSource()}), and recover from a split brain as the operator
 * does ({@link #discardChangesOf}).
 */
public final class SimulatedCluster {

    /** The package the armed fault removes from node2's repositories. */
    public static final String MISSING_PACKAGE = "drbd-utils";
    private static final Pattern DEVICE = Pattern.compile("(?m)^d=('?)(/dev/[A-Za-z0-9/._:-]+)\\1$");

    private final Project project;
    private final double pace;
    private final Map<String, String> demoHost = new HashMap<>();
    private final Map<String, HostFacts> facts = new ConcurrentHashMap<>();
    private final Set<String> done = ConcurrentHashMap.newKeySet();
    private final Set<String> wiped = ConcurrentHashMap.newKeySet();
    private final SimulatedDrbd drbd = new SimulatedDrbd(this);
    private final AtomicReference<Long> resourcesLoaded = new AtomicReference<>();
    private final AtomicReference<String> missingPackageOn = new AtomicReference<>();
    private final List<String> resourceIds;
    private final SimulatedStatus status = new SimulatedStatus(this);
    /** What the user broke; replaced whole, under this object's lock, on each change. */
    private volatile FaultState faultState = FaultState.NONE;
    /** The node serving after a failover test moved the storage; null: the preferred node. */
    private volatile String servingOverride;
    private final SimulatedFailover failover = new SimulatedFailover(this);
    private int splits;

    /** {@code pace}: 1 for the app; smaller in tests (0.2 makes every simulated wait five times shorter). */
    public SimulatedCluster(Project project, double pace) {
        this.project = project;
        this.pace = pace;
        for (int n = 0; n < project.nodes().size(); n++) {
            demoHost.put(project.nodes().get(n).name(), n == 0 ? "node1" : "node2");
        }
        project.managedInitiators().forEach(i -> demoHost.put(i.name(), "client"));
        var rendered = io.tandem.render.Renderers.render(project);
        String cib = rendered.files().stream().filter(f -> f.path().equals(CibRenderer.PATH)).findFirst()
                .map(f -> rendered.text(f, io.tandem.render.SecretPolicy.REVEAL)).orElse("<cib/>");
        List<String> ids;
        try {
            ids = io.tandem.plan.CibMerge.primitiveIds(cib);
        } catch (RuntimeException notXml) {
            ids = List.of();
        }
        resourceIds = ids;
    }

    /** Makes node2's next package install fail as if its repositories had no {@value #MISSING_PACKAGE}; false disarms. */
    public void armMissingPackage(boolean armed) {
        missingPackageOn.set(armed && project.nodes().size() > 1 ? project.nodes().get(1).name() : null);
    }

    public boolean missingPackageArmed() {
        return missingPackageOn.get() != null;
    }

    /** True once, for the host the fault is armed on: the fault then clears (the "repository was fixed"). */
    boolean takeMissingPackage(String host) {
        return host.equals(missingPackageOn.get()) && missingPackageOn.compareAndSet(host, null);
    }

    public Project project() {
        return project;
    }

    /** True when a step ran to the end here (the simulated host "has" what the step makes). */
    public boolean isDone(String stepId) {
        return done.contains(stepId);
    }

    /** True when every step of a full plan ran: the cluster is built. */
    public boolean built() {
        return !done.isEmpty() && done.contains("resources-running");
    }

    Duration scaled(long millis) {
        return Duration.ofMillis(Math.max(1, Math.round(millis * pace)));
    }

    HostFacts facts(String host) {
        return facts.computeIfAbsent(host, h -> DemoHostConnector.facts(demoHost.getOrDefault(h, "node1")));
    }

    String demoName(String host) {
        return demoHost.getOrDefault(host, host);
    }

    List<String> resourceIds() {
        return resourceIds;
    }

    List<DrbdResource> drbdResources() {
        return project.replication().resources();
    }

    /** The node that serves the target: the project's preferred node. */
    String servingNode() {
        String moved = servingOverride;
        return moved != null ? moved : project.cluster().preferredNode();
    }

    /** The other node. */
    String standbyNode() {
        return project.nodes().stream().map(Node::name).filter(n -> !n.equals(servingNode())).findFirst().orElse(servingNode());
    }

    // ---- the demo built, and what the user breaks in it

    /**
     * The demo as a completed apply leaves it, without running one: every step of the real
     * planner's plan done (so planning again finds nothing to do), the devices it overwrites wiped,
     * each resource's initial sync long finished, the resources running on the preferred node and
     * the clients logged in. Its status reads as the status after a real simulated apply.
     *
     * @throws IllegalArgumentException when apply cannot handle the project or the planner refuses it
     */
    public static SimulatedCluster applied(Project project, double pace) {
        List<String> unsupported = Planner.unsupported(project);
        if (!unsupported.isEmpty()) {
            throw new IllegalArgumentException("The project cannot be applied: " + String.join("; ", unsupported));
        }
        SimulatedCluster cluster = new SimulatedCluster(project, pace);
        Plan plan;
        try {
            plan = ApplySession.simulated(cluster).plan();
        } catch (SshFailure e) {
            throw new IllegalStateException("the simulated hosts failed to plan: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while planning the demo", e);
        }
        if (!plan.refusals().isEmpty()) {
            throw new IllegalArgumentException("The project cannot be applied: " + String.join("; ", plan.refusals()));
        }
        for (Step step : plan.steps()) {
            cluster.done.add(step.id());
            step.destroys().ifPresent(device -> cluster.wipe(step.hosts().getFirst(), device));
        }
        cluster.drbd.syncedLongAgo();
        cluster.resourcesLoaded.set(System.nanoTime() - 2 * cluster.scaled(4000).toNanos());
        return cluster;
    }

    FaultState faultState() {
        return faultState;
    }

    /** The faults on now. */
    public Set<DemoFault> faults() {
        Set<DemoFault> on = EnumSet.noneOf(DemoFault.class);
        on.addAll(faultState.since().keySet());
        return Collections.unmodifiableSet(on);
    }

    /**
     * The faults this project can show: a NIC down needs a bond of two NICs on the serving node's
     * client network; the others need two nodes and a DRBD resource.
     */
    public Set<DemoFault> simulatable() {
        Set<DemoFault> can = EnumSet.noneOf(DemoFault.class);
        if (project.nodes().size() == 2 && !drbdResources().isEmpty()) {
            can.addAll(List.of(DemoFault.REPLICATION_LINK_DOWN, DemoFault.NODE_LOST, DemoFault.SPLIT_BRAIN));
        }
        if (!nicsCut(DemoFault.BOND_SLAVE_DOWN).isEmpty()) {
            can.add(DemoFault.BOND_SLAVE_DOWN);
        }
        return can;
    }

    /**
     * Switches {@code fault} on or off; the next status read shows it. Off returns to the state
     * before, except what really stays: a NIC's link failures remain counted, and a cleared split
     * brain is as if resolved without a resync (use {@link #discardChangesOf} to see the resync).
     *
     * @throws IllegalStateException    when switching on before the cluster is built
     * @throws IllegalArgumentException when switching on a fault this project cannot show ({@link #simulatable()})
     */
    public synchronized void setFault(DemoFault fault, boolean on) {
        FaultState was = faultState;
        if (on == was.on(fault)) {
            return;
        }
        if (on && !built()) {
            throw new IllegalStateException("The demo cluster is not built yet: apply it first, then simulate "
                    + fault.label().toLowerCase(Locale.ROOT) + ".");
        }
        if (on && !simulatable().contains(fault)) {
            throw new IllegalArgumentException(fault.label() + " cannot be simulated in this project: it needs "
                    + (fault == DemoFault.BOND_SLAVE_DOWN ? "a bond of two NICs on " + servingNode() + "'s client network."
                    : "two nodes replicating with DRBD."));
        }
        if (on && fault == DemoFault.SPLIT_BRAIN) {
            splits++;
        }
        faultState = was.switched(fault, on, nicsCut(fault), splits);
    }

    /**
     * The NICs {@code fault} takes the link from, as "node nic": the serving node's primary client NIC, or the standby's replication
     * bond (and the serving node's, whose ARP checks then fail, with the fallback over the client network).
     */
    List<String> nicsCut(DemoFault fault) {
        return switch (fault) {
            case BOND_SLAVE_DOWN -> bond(servingNode(), NetworkRole.CLIENT).filter(b -> b.slaves().size() > 1)
                    .map(b -> List.of(servingNode() + " " + (b.primary() != null ? b.primary() : b.slaves().getFirst()))).orElse(List.of());
            // With the fallback over the client network the serving node's bond checks by ARP and loses its link too.
            case REPLICATION_LINK_DOWN -> (project.networks().replication().fallsBackOverClient() ? List.of(servingNode(), standbyNode())
                    : List.of(standbyNode())).stream().flatMap(node -> bond(node, NetworkRole.REPLICATION).stream()
                    .flatMap(b -> b.slaves().stream().map(s -> node + " " + s))).toList();
            default -> List.of();
        };
    }

    private Optional<Bond> bond(String node, NetworkRole network) {
        return project.node(node).flatMap(n -> n.link(network)).map(NetworkLink::bond);
    }

    /**
     * Each side of {@code resource}'s split brain, the serving node first, as a split-brain dialog
     * shows them; empty when there is none.
     *
     * @throws IllegalArgumentException when the project has no DRBD resource {@code resource}
     */
    public List<DemoSplitBrainSide> splitBrainSides(String resource) {
        DrbdResource r = project.resource(resource)
                .orElseThrow(() -> new IllegalArgumentException("The project has no DRBD resource named " + resource + "."));
        SimulatedDrbd.SplitBrain split = faultState.split();
        if (split == null) {
            return List.of();
        }
        return List.of(servingNode(), standbyNode()).stream().map(node -> {
            boolean serving = node.equals(servingNode());
            return new DemoSplitBrainSide(node, drbd.splitChanges(r, serving, split), serving ? null : split.foundAt(),
                    drbd.generationIdentifiers(r, serving, split));
        }).toList();
    }

    /**
     * The split brain's recovery as the operator runs it (drbdadm disconnect, secondary,
     * connect --discard-my-data on {@code node}; connect on the other): {@code node}'s changes since
     * the split are thrown away and its copy is brought back from the other node by a resync of
     * both sides' changes, which takes a few (paced) seconds; then every resource is in step again.
     *
     * @throws IllegalStateException    when there is no split brain, when {@code node} serves the storage
     *                                  (its copy is in use and cannot be made Secondary), or when it does not answer
     * @throws IllegalArgumentException when the project has no node {@code node}
     */
    public synchronized void discardChangesOf(String node) {
        FaultState was = faultState;
        if (was.split() == null) {
            throw new IllegalStateException("There is no split brain to recover from: a node's changes can only be discarded while DRBD "
                    + "reports a split brain (StandAlone on both nodes).");
        }
        if (project.node(node).isEmpty()) {
            throw new IllegalArgumentException("The project has no node named " + node + ".");
        }
        if (node.equals(servingNode())) {
            throw new IllegalStateException(node + " serves the storage, so its copy is in use: drbdadm secondary fails there (the device is "
                    + "held open). Discard " + standbyNode() + "'s changes, or move the storage to " + standbyNode() + " first.");
        }
        if (was.on(DemoFault.NODE_LOST)) {
            throw new IllegalStateException(node + " does not answer: its changes can be discarded once it is back.");
        }
        Map<String, Long> total = new HashMap<>();
        for (DrbdResource r : drbdResources()) {
            total.put(r.name(), drbd.splitChanges(r, true, was.split()) + drbd.splitChanges(r, false, was.split()));
        }
        faultState = was.discarded(node, total);
    }

    /** True while the resync after a discard runs. */
    public boolean resyncing() {
        return !drbd.resynced(faultState);
    }

    SimulatedFailover failover() {
        return failover;
    }

    /** The group's members in start order, as the cluster's configuration has them. */
    List<String> groupMembers() {
        return io.tandem.render.modern.PacemakerLayoutBuilder.build(project, new io.tandem.render.SecretBook()).group().members().stream()
                .map(io.tandem.render.modern.PacemakerLayout.Primitive::id).toList();
    }

    List<String> drbdPrimitives() {
        return drbdResources().stream().map(io.tandem.render.modern.PacemakerLayoutBuilder::drbdPrimitiveId).toList();
    }

    /** The storage handed to {@code to}: its resources start one after another until all run at {@code runningAt} (epoch seconds). */
    synchronized void handOver(String to, double runningAt) {
        servingOverride = to;
        resourcesLoaded.set(System.nanoTime() + (long) ((runningAt - SimulatedFailover.now()) * 1e9) - scaled(4000).toNanos());
    }

    /** {@code from} crashed and {@code to} took over, all running at {@code runningAt}; {@code from} is back after a paced reboot. */
    synchronized void crashed(String to, double runningAt) {
        handOver(to, runningAt);
        faultFor(DemoFault.NODE_LOST, scaled(20_000));
    }

    /** True once every resource runs (crm_mon's last member started). */
    boolean allRunning() {
        Long loaded = resourcesLoaded.get();
        return loaded != null && System.nanoTime() - loaded >= scaled(4000).toNanos();
    }

    /** {@code fault} on now and off again after {@code lasting} (a NIC the failover test takes down, a crashed node's reboot). */
    void faultFor(DemoFault fault, Duration lasting) {
        setFault(fault, true);
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(lasting);
                setFault(fault, false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** /proc/drbd on {@code node} now. */
    String procDrbd(String node, FaultState state) {
        return drbd.procDrbd(node, state);
    }

    // ---- plan time: the probes answered from the demo's facts

    /** What the demo hosts answer to {@code probes}: packages, devices and files; other probes are absent (not done). */
    public ProbeResults probe(Map<String, List<Probe>> probes) {
        ProbeResults results = new ProbeResults();
        probes.forEach((host, list) -> list.forEach(p -> answer(host, p).ifPresent(out -> results.put(host, p.name(), out))));
        return results;
    }

    private Optional<ProbeResults.Output> answer(String host, Probe probe) {
        if (probe.read().isPresent() && probe.read().get() instanceof FileRead read && read.paths().size() == 1) {
            return Optional.of(fileState(host, read.paths().getFirst()));
        }
        if (probe.script().startsWith(DpkgQueryParser.COMMAND)) {
            return Optional.of(new ProbeResults.Output(DemoHostConnector.output(demoName(host), "dpkg"), 0));
        }
        if (probe.script().contains(ClusterSteps.CIB_FILE)) {
            // The demo's servers never ran a cluster before its apply: no CIB file, nothing an earlier version left to migrate.
            return Optional.of(new ProbeResults.Output(ClusterSteps.NO_CIB + "\n", 0));
        }
        Matcher device = DEVICE.matcher(probe.script());
        if (probe.script().startsWith("d=") && device.find()) {
            return Optional.of(new ProbeResults.Output(deviceState(host, device.group(2)), 0));
        }
        return Optional.empty();
    }

    /** As HostFileState's probe prints it: ABSENT, or mode, owner and the content in base64. */
    private ProbeResults.Output fileState(String host, String path) {
        Optional<HostFile> file = facts(host).files().file(path).filter(f -> f.state() == HostFile.State.PRESENT);
        if (file.isEmpty()) {
            return new ProbeResults.Output("ABSENT\n", 0);
        }
        return new ProbeResults.Output(Integer.toOctalString(file.get().mode() == 0 ? 0644 : file.get().mode()) + " root:root\n"
                + Base64.getEncoder().encodeToString(file.get().content().getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\n", 0);
    }

    /** As DeviceState's probe prints it. */
    String deviceState(String host, String path) {
        Optional<BlockDevice> device = facts(host).allBlockDevices().stream().filter(d -> d.path().equals(path)).findFirst();
        if (device.isEmpty()) {
            return "NODEV\n";
        }
        StringBuilder out = new StringBuilder();
        signatures(host, path).forEach(s -> out.append(s.startsWith("partition table ") ? "PTTYPE=" + s.substring(16) : "TYPE=" + s).append('\n'));
        device.get().mountpoints().stream().filter(m -> m != null && !m.isBlank()).forEach(m -> out.append("MOUNT=").append(m).append('\n'));
        return out.append("SIZE=").append(device.get().sizeBytes()).append('\n').toString();
    }

    /** The signatures on a demo device, until a confirmed overwrite wiped them. */
    List<String> signatures(String host, String path) {
        if (wiped.contains(host + ":" + path)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Signature s : facts(host).signatures().getOrDefault(path, List.of())) {
            out.add(s.type().equals("dos") || s.type().equals("gpt") ? "partition table " + s.type() : s.type());
        }
        return out;
    }

    void wipe(String host, String path) {
        wiped.add(host + ":" + path);
    }

    // ---- apply time

    /** The runner's view of "done": what ran to the end here. */
    StepChecks checks() {
        return new StepChecks() {
            @Override
            public boolean done(Step step) {
                return done.contains(step.id());
            }

            @Override
            public void ran(Step step) {
                done.add(step.id());
            }
        };
    }

    void syncStarted(String resource) {
        drbd.syncStarted(resource);
    }

    /** /proc/drbd on the serving node, as apply's steps read it. */
    String procDrbd() {
        return drbd.procDrbd(servingNode(), faultState);
    }

    void resourcesLoaded() {
        resourcesLoaded.compareAndSet(null, System.nanoTime());
    }

    /** crm_mon's XML as apply's steps read it. */
    String crmMon() {
        return crmMon(FaultState.NONE);
    }

    /**
     * crm_mon's XML on a node in the cluster: the DC with quorum; after the CIB was loaded, the
     * resources start one after another on the serving node. A lost standby node is offline and
     * clean, as Pacemaker has it once the node is fenced (or, without fencing, once it left): the
     * VM lab's node2.after-node1-loss capture with the nodes' parts swapped.
     */
    String crmMon(FaultState state) {
        List<String> nodes = project.nodes().stream().map(Node::name).toList();
        String serving = servingNode();
        String standby = standbyNode();
        boolean lost = state.on(DemoFault.NODE_LOST);
        String dc = lost && nodes.getFirst().equals(standby) ? serving : nodes.getFirst();
        Long loaded = resourcesLoaded.get();
        double fraction = loaded == null ? 0 : (System.nanoTime() - loaded) / (double) scaled(4000).toNanos();
        int running = (int) Math.floor(fraction * resourceIds.size());
        StringBuilder resources = new StringBuilder();
        Map<String, Integer> runningOn = new HashMap<>();
        String drbdAgent = Drbd84AgentRenderer.agentFor(project);
        for (int i = 0; i < resourceIds.size(); i++) {
            String id = resourceIds.get(i);
            boolean active = i < running;
            if (id.startsWith("drbd")) {
                resource(resources, id, drbdAgent, active ? "Promoted" : "Stopped", active, serving, runningOn);
                resource(resources, id, drbdAgent, active && !lost ? "Unpromoted" : "Stopped", active && !lost, standby, runningOn);
            } else {
                resource(resources, id, "ocf:heartbeat:simulated", active ? "Started" : "Stopped", active, serving, runningOn);
            }
        }
        StringBuilder out = new StringBuilder("<pacemaker-result api-version=\"2.25\" request=\"crm_mon --output-as=xml\">\n  <summary>\n"
                + "    <current_dc present=\"true\" name=\"" + dc + "\" with_quorum=\"true\"/>\n"
                + "    <cluster_options stonith-enabled=\"" + (project.cluster().stonith().type() != io.tandem.model.StonithType.NONE)
                + "\" maintenance-mode=\"false\"/>\n  </summary>\n  <nodes>\n");
        for (String n : nodes) {
            boolean online = !(lost && n.equals(standby));
            out.append("    <node name=\"").append(n).append("\" id=\"").append(nodes.indexOf(n) + 1).append("\" online=\"").append(online)
                    .append("\" standby=\"false\" standby_onfail=\"false\" maintenance=\"false\" pending=\"false\" unclean=\"false\" health=\"green\"")
                    .append(online ? " feature_set=\"3.16.1\"" : "").append(" shutdown=\"false\" expected_up=\"true\" is_dc=\"").append(n.equals(dc))
                    .append("\" resources_running=\"").append(runningOn.getOrDefault(n, 0)).append("\" type=\"member\"/>\n");
        }
        return out.append("  </nodes>\n  <resources>\n").append(resources).append("  </resources>\n</pacemaker-result>\n").toString();
    }

    private static void resource(StringBuilder out, String id, String agent, String role, boolean active, String node, Map<String, Integer> runningOn) {
        out.append("    <resource id=\"").append(id).append("\" resource_agent=\"").append(agent).append("\" role=\"").append(role)
                .append("\" active=\"").append(active).append("\" failed=\"false\">");
        if (active) {
            out.append("<node name=\"").append(node).append("\"/>");
            runningOn.merge(node, 1, Integer::sum);
        }
        out.append("</resource>\n");
    }

    /** True once the client's login step ran: the simulated client has its session. */
    boolean loggedIn() {
        return done.stream().anyMatch(id -> id.startsWith("iscsi-login:"));
    }

    /**
     * The demo's status read: every fact of a status round as it stands in the simulation
     * ({@link SimulatedStatus}): crm_mon and /proc/drbd as the apply left them, healthy bonds, the
     * target and the client's session once the cluster is built. It also runs the monitoring
     * view's commands ({@link io.tandem.monitor.HostCommands}: the split brain's recovery).
     */
    public io.tandem.monitor.StatusSource statusSource() {
        return new SimulatedHostCommands(this, status.source());
    }
}
