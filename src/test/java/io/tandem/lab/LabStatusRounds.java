package io.tandem.lab;

import io.tandem.model.Project;
import io.tandem.monitor.ClusterSnapshot;
import io.tandem.monitor.SshStatusSource;
import io.tandem.monitor.StatusRead;
import io.tandem.ssh.Authentication;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.HostKeyPrompt;
import io.tandem.ssh.HostKeyStore;
import io.tandem.ssh.SshTarget;
import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import io.tandem.testing.LabEnv;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Status rounds against the namespace lab: examples/vm-lab.tandem.json with the lab's node1, node2
 * and client as its hosts (the key user, sudo -n), read by the SSH source that keeps one connection
 * per host. Records each round's wall time and each host's SSH round trips in it.
 */
final class LabStatusRounds implements AutoCloseable {

    final Project project;
    final SshStatusSource source;
    final List<Duration> walls = new ArrayList<>();
    final List<Map<String, Integer>> trips = new ArrayList<>();
    final Map<String, List<Long>> hostMillis = new LinkedHashMap<>();
    ClusterSnapshot last;

    LabStatusRounds(LabEnv lab, Path knownHosts) throws Exception {
        this(lab, knownHosts, lab.get("LAB_KEY_USER"));
    }

    /** {@code user}: the key user (commands through sudo -n) or root (no sudo). */
    LabStatusRounds(LabEnv lab, Path knownHosts, String user) throws Exception {
        JsonEdit edit = JsonEdit.of(Examples.VM_LAB);
        Map<String, String> addresses = Map.of("$.nodes[0]", lab.node1(), "$.nodes[1]", lab.node2(), "$.initiators[0]", lab.get("LAB_CLIENT_ADDRESS"));
        addresses.forEach((host, address) -> edit.set(host + ".ssh.address", address).set(host + ".ssh.user", user));
        project = edit.project();
        HostKeyStore store = new HostKeyStore(List.of(), knownHosts);
        Map<String, ConnectionSettings> settings = new LinkedHashMap<>();
        project.nodes().forEach(n -> settings.put(n.name(), login(n.ssh(), lab, store)));
        project.managedInitiators().forEach(c -> settings.put(c.name(), login(c.ssh(), lab, store)));
        source = new SshStatusSource(settings, Duration.ZERO);
    }

    private static ConnectionSettings login(io.tandem.model.Ssh ssh, LabEnv lab, HostKeyStore store) {
        return ConnectionSettings.of(new SshTarget(ssh.address(), 22, ssh.user()), List.of(new Authentication.KeyFile(lab.key())), store,
                HostKeyPrompt.ACCEPT_NEW);
    }

    List<String> hosts() {
        List<String> hosts = new ArrayList<>();
        project.nodes().forEach(n -> hosts.add(n.name()));
        project.managedInitiators().forEach(c -> hosts.add(c.name()));
        return hosts;
    }

    /** One round; its wall time and each host's round trips are recorded. */
    ClusterSnapshot round() throws InterruptedException {
        Map<String, Integer> before = new LinkedHashMap<>();
        hosts().forEach(h -> before.put(h, source.roundTrips(h)));
        long start = System.nanoTime();
        last = StatusRead.read(project, source);
        walls.add(Duration.ofNanos(System.nanoTime() - start));
        Map<String, Integer> used = new LinkedHashMap<>();
        hosts().forEach(h -> used.put(h, source.roundTrips(h) - before.get(h)));
        trips.add(used);
        last.nodeReads().forEach(n -> hostMillis.computeIfAbsent(n.name(), h -> new ArrayList<>()).add(n.took().toMillis()));
        last.clientReads().forEach(c -> hostMillis.computeIfAbsent(c.name(), h -> new ArrayList<>()).add(c.took().toMillis()));
        return last;
    }

    /** "min 84 / median 97 / max 130 ms" over the rounds after the first (which logs in). */
    String wallFigures() {
        List<Long> ms = walls.subList(1, walls.size()).stream().map(Duration::toMillis).sorted().toList();
        return "min " + ms.getFirst() + " / median " + ms.get(ms.size() / 2) + " / max " + ms.getLast() + " ms over " + ms.size() + " rounds";
    }

    /** Each host's median time from asking to its answer, over the rounds after the first: "node1 120 ms, …". */
    String hostFigures() {
        List<String> out = new ArrayList<>();
        hostMillis.forEach((h, ms) -> {
            List<Long> sorted = ms.subList(1, ms.size()).stream().sorted().toList();
            out.add(h + " " + sorted.get(sorted.size() / 2) + " ms");
        });
        return String.join(", ", out);
    }

    @Override
    public void close() {
        source.close();
    }
}
