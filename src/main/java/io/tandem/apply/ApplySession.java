package io.tandem.apply;

import io.tandem.model.Initiator;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.plan.Plan;
import io.tandem.plan.Planner;
import io.tandem.plan.Probe;
import io.tandem.plan.ProbeResults;
import io.tandem.plan.Step;
import io.tandem.render.FileSet;
import io.tandem.render.Renderers;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.SshConnection;
import io.tandem.ssh.SshFailure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One project's hosts, connected: plans (one round trip per host, read-only) and applies. The
 * CLI and the GUI both go through this, so there is one way of applying.
 */
public final class ApplySession implements AutoCloseable {

    private final Project project;
    private final FileSet files;
    private final Map<String, SshConnection> connections;
    private final Map<String, ConnectionSettings> settings;
    private final Map<String, Integer> planRoundTrips = new LinkedHashMap<>();
    /** The demo's simulated hosts instead of SSH connections; null for real hosts. */
    private final SimulatedCluster simulation;

    private ApplySession(Project project, Map<String, SshConnection> connections, Map<String, ConnectionSettings> settings,
                         SimulatedCluster simulation) {
        this.project = project;
        this.files = Renderers.render(project);
        this.connections = connections;
        this.settings = settings;
        this.simulation = simulation;
    }

    /** The demo cluster's simulated hosts: the same planner, runner, journal and steps; only the hosts are not real. */
    public static ApplySession simulated(SimulatedCluster cluster) {
        return simulated(cluster.project(), cluster);
    }

    /** As above for {@code project} as it stands now (the demo may have been edited since the simulation began). */
    public static ApplySession simulated(Project project, SimulatedCluster cluster) {
        return new ApplySession(project, Map.of(), Map.of(), cluster);
    }

    public boolean isSimulated() {
        return simulation != null;
    }

    /** Every host Tandem reaches for this project: the nodes and the clients it sets up. */
    public static List<String> hosts(Project project) {
        List<String> hosts = new ArrayList<>(project.nodes().stream().map(Node::name).toList());
        project.managedInitiators().stream().map(Initiator::name).forEach(hosts::add);
        return hosts;
    }

    /** Connects to every host at once; the first that cannot be reached fails the whole (the others are closed). */
    public static ApplySession open(Project project, Map<String, ConnectionSettings> settings) throws SshFailure, InterruptedException {
        Map<String, Future<SshConnection>> opening = new LinkedHashMap<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String host : hosts(project)) {
                opening.put(host, executor.submit(() -> SshConnection.open(settings.get(host))));
            }
        }
        Map<String, SshConnection> open = new LinkedHashMap<>();
        SshFailure first = null;
        for (var entry : opening.entrySet()) {
            try {
                open.put(entry.getKey(), entry.getValue().get());
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof SshFailure f ? f : new SshFailure(SshFailure.Kind.UNREACHABLE, entry.getKey(), String.valueOf(e.getCause()));
                }
            }
        }
        if (first != null) {
            open.values().forEach(SshConnection::close);
            throw first;
        }
        return new ApplySession(project, open, settings, null);
    }

    public Project project() {
        return project;
    }

    public FileSet files() {
        return files;
    }

    /** The steps that are not done: every candidate's probes in one script per host, hosts side by side. */
    public Plan plan() throws SshFailure, InterruptedException {
        List<Step> blind = Planner.candidates(project, files, new ProbeResults());
        Map<String, List<Probe>> probes = Planner.probes(blind);
        if (simulation != null) {
            ProbeResults answered = simulation.probe(probes);
            probes.keySet().forEach(h -> planRoundTrips.put(h, 1));
            List<Step> candidates = Planner.candidates(project, files, answered).stream().filter(s -> !simulation.isDone(s.id())).toList();
            return Plan.of(candidates, answered, notes(answered), planRoundTrips, Planner.refusals(project, answered));
        }
        ProbeResults results = new ProbeResults();
        Map<String, Future<ProbeResults>> running = new LinkedHashMap<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var entry : probes.entrySet()) {
                SshConnection ssh = connections.get(entry.getKey());
                running.put(entry.getKey(), executor.submit(() -> {
                    int before = ssh.roundTrips();
                    ProbeResults r = ProbeRunner.run(ssh, entry.getKey(), entry.getValue());
                    synchronized (planRoundTrips) {
                        planRoundTrips.put(entry.getKey(), ssh.roundTrips() - before);
                    }
                    return r;
                }));
            }
        }
        for (var entry : running.entrySet()) {
            try {
                results.putAll(entry.getValue().get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SshFailure f) {
                    throw f;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return Plan.of(Planner.candidates(project, files, results), results, notes(results), planRoundTrips, Planner.refusals(project, results));
    }

    private List<String> notes(ProbeResults results) {
        List<String> notes = new java.util.ArrayList<>(io.tandem.plan.FailoverBudget.notes(project));
        notes.addAll(Planner.notes(project, results));
        return notes;
    }

    /** Runs {@code plan}; empty when it completed. {@code confirmed}: "host:device" the operator agreed to overwrite. */
    public Optional<ApplyFailure> apply(Plan plan, Set<String> confirmed, Journal journal, ApplyListener listener, ApplyRunner[] handle)
            throws InterruptedException {
        String stamp = ApplyRunner.newRunStamp();
        Map<String, StepRemote> remotes = new LinkedHashMap<>();
        StepChecks checks;
        if (simulation != null) {
            hosts(project).forEach(host -> remotes.put(host, new SimulatedRemote(host, simulation, journal, stamp, files.secrets(), confirmed, listener)));
            checks = simulation.checks();
        } else {
            NetworkChanger network = new CommitConfirmChanger(settings);
            connections.forEach((host, ssh) -> remotes.put(host, new SshRemote(host, ssh, journal, stamp, stamp, files.secrets(), confirmed,
                    listener, network)));
            checks = new ProbeChecks(connections);
        }
        ApplyRunner runner = new ApplyRunner(remotes, checks, journal, listener, stamp, files.secrets());
        if (handle != null && handle.length > 0) {
            handle[0] = runner;
        }
        return runner.run(plan);
    }

    @Override
    public void close() {
        connections.values().forEach(SshConnection::close);
    }
}
