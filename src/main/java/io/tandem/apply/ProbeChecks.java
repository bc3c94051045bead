package io.tandem.apply;

import io.tandem.plan.Probe;
import io.tandem.plan.ProbeResults;
import io.tandem.plan.Step;
import io.tandem.ssh.SshConnection;
import io.tandem.ssh.SshFailure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A step's check judged on its probes, run again on its hosts (one script per host). */
final class ProbeChecks implements StepChecks {

    private final Map<String, SshConnection> connections;

    ProbeChecks(Map<String, SshConnection> connections) {
        this.connections = connections;
    }

    @Override
    public boolean done(Step step) throws SshFailure {
        ProbeResults results = new ProbeResults();
        Map<String, List<Probe>> byHost = new LinkedHashMap<>();
        step.check().probes().forEach(p -> byHost.computeIfAbsent(p.host(), h -> new ArrayList<>()).add(p));
        for (var entry : byHost.entrySet()) {
            results.putAll(ProbeRunner.run(connections.get(entry.getKey()), entry.getKey(), entry.getValue()));
        }
        return step.check().done(results);
    }
}
