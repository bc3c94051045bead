package io.tandem.monitor;

import io.tandem.discovery.FactScript;
import io.tandem.ssh.SshFailure;

import java.util.List;
import java.util.Map;

/** Runs read-only commands on one host in one round trip and returns each one's output by name. */
public interface StatusSource {

    Map<String, FactScript.Section> read(String host, List<FactScript.Fact> facts) throws SshFailure, InterruptedException;
}
