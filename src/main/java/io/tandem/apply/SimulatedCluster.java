package io.tandem.apply;

import io.tandem.discovery.DemoHostConnector;
import io.tandem.discovery.HostFacts;
import io.tandem.facts.BlockDevice;
import io.tandem.facts.DpkgQueryParser;
import io.tandem.facts.HostFile;
import io.tandem.facts.Signature;
import io.tandem.model.DrbdResource;
import io.tandem.model.Project;
import io.tandem.plan.FileRead;
import io.tandem.plan.Probe;
import io.tandem.plan.ProbeResults;
import io.tandem.plan.Step;
import io.tandem.render.modern.CibRenderer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
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
 * <p>One fault can be armed: node2's repositories lack a package, so its package step fails once
 * with apt's real message; the next try (Retry) finds it.
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
    private final Map<String, Long> syncStarted = new ConcurrentHashMap<>();
    private final AtomicReference<Long> resourcesLoaded = new AtomicReference<>();
    private final AtomicReference<String> missingPackageOn = new AtomicReference<>();
    private final List<String> resourceIds;
    private final SimulatedStatus status = new SimulatedStatus(this);

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
        syncStarted.putIfAbsent(resource, System.nanoTime());
    }

    /** Seconds a resource's initial sync takes here. */
    Duration syncTime() {
        return scaled(6000);
    }

    /** /proc/drbd as DRBD 8.4 prints it, from how far each resource's simulated sync is. */
    String procDrbd() {
        StringBuilder out = new StringBuilder("version: 8.4.11 (api:1/proto:86-101)\nsrcversion: F73C670A7EC572DB9CF3E5B \n");
        long totalK = 1048508; // 1 GiB as DRBD exports it from the VM lab's disks: at pace 1 the rate is a real 1 GbE link's
        for (DrbdResource r : drbdResources()) {
            Long started = syncStarted.get(r.name());
            double fraction = started == null ? 0 : Math.min(1, (System.nanoTime() - started) / (double) syncTime().toNanos());
            if (started == null) {
                out.append(String.format(" %d: cs:Connected ro:Secondary/Secondary ds:Inconsistent/Inconsistent C r-----%n"
                        + "    ns:0 nr:0 dw:0 dr:0 al:8 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:%d%n", r.minor(), totalK));
            } else if (fraction >= 1) {
                out.append(String.format(" %d: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----%n"
                        + "    ns:%d nr:0 dw:0 dr:%d al:8 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:0%n", r.minor(), totalK, totalK));
            } else {
                long left = Math.round(totalK * (1 - fraction));
                // Compressed time: the rate is what it takes to copy the volume in the simulated sync time, a little uneven.
                long speed = Math.round(totalK / (syncTime().toMillis() / 1000.0) * (0.9 + 0.2 * Math.abs(Math.sin(fraction * 7))));
                long secondsLeft = Math.max(0, Math.round(left / (double) speed));
                int bars = (int) Math.floor(fraction * 20);
                out.append(String.format(" %d: cs:SyncSource ro:Primary/Secondary ds:UpToDate/Inconsistent C r-----%n"
                                + "    ns:%d nr:0 dw:0 dr:%d al:8 bm:0 lo:0 pe:4 ua:0 ap:0 ep:1 wo:f oos:%d%n"
                                + "\t[%s>%s] sync'ed: %4.1f%% (%d/%d)K%n\tfinish: %d:%02d:%02d speed: %,d (%,d) K/sec%n",
                        r.minor(), totalK - left, totalK - left, left, "=".repeat(bars), ".".repeat(Math.max(0, 19 - bars)), fraction * 100,
                        left, totalK, secondsLeft / 3600, secondsLeft / 60 % 60, secondsLeft % 60, speed, speed));
            }
        }
        return out.toString();
    }

    void resourcesLoaded() {
        resourcesLoaded.compareAndSet(null, System.nanoTime());
    }

    /** crm_mon's XML: both nodes online, the DC with quorum; after the CIB was loaded, the resources start one after another. */
    String crmMon() {
        List<String> nodes = project.nodes().stream().map(io.tandem.model.Node::name).toList();
        StringBuilder out = new StringBuilder("<pacemaker-result api-version=\"2.25\" request=\"crm_mon --output-as=xml\">\n  <summary>\n"
                + "    <current_dc present=\"true\" name=\"" + nodes.getFirst() + "\" with_quorum=\"true\"/>\n"
                + "    <cluster_options stonith-enabled=\"" + (project.cluster().stonith().type() != io.tandem.model.StonithType.NONE)
                + "\" maintenance-mode=\"false\"/>\n  </summary>\n  <nodes>\n");
        for (String n : nodes) {
            out.append("    <node name=\"").append(n).append("\" id=\"").append(nodes.indexOf(n) + 1)
                    .append("\" online=\"true\" standby=\"false\" maintenance=\"false\" unclean=\"false\"/>\n");
        }
        out.append("  </nodes>\n  <resources>\n");
        Long loaded = resourcesLoaded.get();
        double fraction = loaded == null ? 0 : (System.nanoTime() - loaded) / (double) scaled(4000).toNanos();
        int running = (int) Math.floor(fraction * resourceIds.size());
        String first = project.cluster().preferredNode();
        String second = nodes.stream().filter(n -> !n.equals(first)).findFirst().orElse(first);
        for (int i = 0; i < resourceIds.size(); i++) {
            String id = resourceIds.get(i);
            boolean active = i < running;
            if (id.startsWith("drbd")) {
                resource(out, id, "ocf:linbit:drbd", active ? "Promoted" : "Stopped", active, first);
                resource(out, id, "ocf:linbit:drbd", active ? "Unpromoted" : "Stopped", active, second);
            } else {
                resource(out, id, "ocf:heartbeat:simulated", active ? "Started" : "Stopped", active, first);
            }
        }
        return out.append("  </resources>\n</pacemaker-result>\n").toString();
    }

    private static void resource(StringBuilder out, String id, String agent, String role, boolean active, String node) {
        out.append("    <resource id=\"").append(id).append("\" resource_agent=\"").append(agent).append("\" role=\"").append(role)
                .append("\" active=\"").append(active).append("\" failed=\"false\">");
        if (active) {
            out.append("<node name=\"").append(node).append("\"/>");
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
     * target and the client's session once the cluster is built.
     */
    public io.tandem.monitor.StatusSource statusSource() {
        return status.source();
    }
}
