package io.tandem.apply;

import io.tandem.discovery.FactScript;
import io.tandem.plan.Probe;
import io.tandem.plan.ProbeResults;
import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.ssh.SshConnection;
import io.tandem.ssh.SshFailure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs probes of one host as one script, one round trip, read-only, in sections framed by a fresh nonce. */
public final class ProbeRunner {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private ProbeRunner() {
    }

    public static ProbeResults run(SshConnection ssh, String host, List<Probe> probes) throws SshFailure {
        ProbeResults results = new ProbeResults();
        if (probes.isEmpty()) {
            return results;
        }
        String nonce = FactScript.nonce();
        List<FactScript.Fact> facts = probes.stream().map(p -> new FactScript.Fact(p.name(), p.script())).toList();
        ExecResult result = ssh.runAsRoot(RemoteCommand.script(FactScript.script(facts, nonce)), new byte[0], TIMEOUT, line -> { });
        Map<String, FactScript.Section> sections = FactScript.parse(result.stdout(), nonce);
        sections.forEach((name, section) -> results.put(host, name, new ProbeResults.Output(section.output(), section.exitStatus())));
        return results;
    }
}
