package io.tandem.monitor;

import io.tandem.discovery.Clock;
import io.tandem.discovery.FactScript;
import io.tandem.model.Initiator;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.ssh.RemoteCommand;
import io.tandem.ssh.SshConnection;
import io.tandem.ssh.SshFailure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One status read of a project's cluster: every node and every client Tandem manages is asked at
 * the same time, each with one fact script ({@link StatusScript}: one round trip per host), and
 * the answers become a {@link ClusterSnapshot} ({@link SnapshotAssembly}). Read-only. A host that
 * does not answer is named in the snapshot's problems; the rest is still shown.
 */
public final class StatusRead {

    /** How long one host's script may run: a host that hangs is reported, it never holds the round longer. */
    static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(20);

    private StatusRead() {
    }

    public static ClusterSnapshot read(Project project, StatusSource source) throws InterruptedException {
        return read(project, source, null);
    }

    /** {@code previous}: the last read of the same cluster, from which the clients' I/O latency is measured (null: none). */
    public static ClusterSnapshot read(Project project, StatusSource source, ClusterSnapshot previous) throws InterruptedException {
        Instant readAt = Instant.now();
        long start = System.nanoTime();
        List<Callable<HostAnswer>> asks = new ArrayList<>();
        for (Node node : project.nodes()) {
            asks.add(() -> ask(source, node.name(), StatusScript.node(project, node)));
        }
        for (Initiator client : project.managedInitiators()) {
            asks.add(() -> ask(source, client.name(), StatusScript.client()));
        }
        List<HostAnswer> answers = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<HostAnswer> answer : pool.invokeAll(asks)) {
                answers.add(answer.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a status read failed unexpectedly", e.getCause());
        }
        return SnapshotAssembly.assemble(project, answers, readAt, Duration.ofNanos(System.nanoTime() - start), previous);
    }

    static HostAnswer ask(StatusSource source, String host, List<FactScript.Fact> facts) throws InterruptedException {
        long before = Clock.nowNanos();
        long start = System.nanoTime();
        try {
            Map<String, FactScript.Section> sections = source.read(host, facts);
            return HostAnswer.of(host, sections, before, Clock.nowNanos(), Duration.ofNanos(System.nanoTime() - start));
        } catch (SshFailure e) {
            return HostAnswer.failed(host, e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The facts as one script, run as root in one round trip on {@code ssh}. */
    static Map<String, FactScript.Section> runScript(SshConnection ssh, List<FactScript.Fact> facts) throws SshFailure {
        String nonce = FactScript.nonce();
        String output = ssh.runAsRoot(RemoteCommand.script(FactScript.script(facts, nonce)), SCRIPT_TIMEOUT).stdout();
        return FactScript.parse(output, nonce);
    }
}
