package io.tandem.apply;

import io.tandem.discovery.FactScript;
import io.tandem.plan.Probe;
import io.tandem.plan.ProbeResults;
import io.tandem.plan.ProbeScript;
import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.ssh.SshConnection;
import io.tandem.ssh.SshFailure;

import java.time.Duration;
import java.util.List;

/** Runs probes of one host as one script ({@link ProbeScript}), one round trip, read-only. */
public final class ProbeRunner {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private ProbeRunner() {
    }

    public static ProbeResults run(SshConnection ssh, String host, List<Probe> probes) throws SshFailure {
        if (probes.isEmpty()) {
            return new ProbeResults();
        }
        String nonce = FactScript.nonce();
        ExecResult result = ssh.runAsRoot(RemoteCommand.script(ProbeScript.script(probes, nonce)), new byte[0], TIMEOUT, line -> { });
        return ProbeScript.results(host, probes, result.stdout(), nonce);
    }
}
