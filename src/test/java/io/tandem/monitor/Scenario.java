package io.tandem.monitor;

import io.tandem.discovery.Clock;
import io.tandem.discovery.FactScript;
import io.tandem.model.Project;
import io.tandem.ssh.SshFailure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cluster made of captured outputs: per host, what each fact of the status script prints. A
 * fact not given prints nothing (exit 0), like a command that found nothing; the clock stamps are
 * this machine's at the moment of the read unless set. Hosts can be made silent (they throw what
 * SSH throws for an unreachable host). {@link #read()} goes through the real StatusRead, so the
 * real parsers and the snapshot assembly run on the captures.
 */
public final class Scenario {

    private final Project project;
    private final Map<String, Map<String, FactScript.Section>> hosts = new LinkedHashMap<>();
    private final Map<String, String> silent = new HashMap<>();
    private final Map<String, Long> clockOffsetNanos = new HashMap<>();
    final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    final Map<String, List<String>> asked = new ConcurrentHashMap<>();

    public Scenario(Project project) {
        this.project = project;
    }

    public Project project() {
        return project;
    }

    public Scenario fact(String host, String fact, String output) {
        return fact(host, fact, output, 0);
    }

    public Scenario fact(String host, String fact, String output, int exit) {
        hosts.computeIfAbsent(host, h -> new HashMap<>()).put(fact, new FactScript.Section(output, exit));
        return this;
    }

    /** The same fact on every node (a cluster-wide view such as crm_mon, or a capture used for both). */
    public Scenario nodes(String fact, String output) {
        project.nodes().forEach(n -> fact(n.name(), fact, output));
        return this;
    }

    public Scenario silent(String host, String why) {
        silent.put(host, why);
        return this;
    }

    public Scenario answering(String host) {
        silent.remove(host);
        return this;
    }

    /** The host's clock runs {@code seconds} ahead of this machine's. */
    public Scenario clockAhead(String host, double seconds) {
        clockOffsetNanos.put(host, Math.round(seconds * 1e9));
        return this;
    }

    public StatusSource source() {
        return (host, facts) -> {
            reads.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
            asked.put(host, facts.stream().map(FactScript.Fact::name).toList());
            if (silent.containsKey(host)) {
                throw new SshFailure(SshFailure.Kind.UNREACHABLE, host, silent.get(host));
            }
            Map<String, FactScript.Section> out = new LinkedHashMap<>();
            for (FactScript.Fact fact : facts) {
                FactScript.Section given = hosts.getOrDefault(host, Map.of()).get(fact.name());
                if (given == null && (fact.name().equals(StatusScript.CLOCK_START) || fact.name().equals(StatusScript.CLOCK_END))) {
                    given = new FactScript.Section((Clock.nowNanos() + clockOffsetNanos.getOrDefault(host, 0L)) + "\n", 0);
                }
                out.put(fact.name(), given == null ? new FactScript.Section("", 0) : given);
            }
            return out;
        };
    }

    public ClusterSnapshot read() throws InterruptedException {
        return StatusRead.read(project, source());
    }

    public Assessment judge() throws InterruptedException {
        return HealthRules.judge(project, read());
    }

    static List<String> codes(Assessment a) {
        List<String> codes = new ArrayList<>();
        a.findings().forEach(f -> codes.add(f.code()));
        return codes;
    }
}
