package io.tandem.discovery;

import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.SshFailure;

import java.util.List;

/**
 * Reaches a host and reads its facts. The wizard talks to hosts only through this, so the demo
 * cluster and real servers take the same path through parsing, reports and screens.
 */
public interface HostConnector {

    HostFacts discover(ConnectionSettings settings) throws SshFailure;

    /** True for simulated hosts: the UI must say so. */
    boolean isDemo();

    /** Addresses answering SSH in a subnet (at most a /22). */
    List<String> scan(String cidr) throws InterruptedException;

    /** Real hosts over SSH. */
    HostConnector SSH = new HostConnector() {
        @Override
        public HostFacts discover(ConnectionSettings settings) throws SshFailure {
            try (var ssh = io.tandem.ssh.SshConnection.open(settings)) {
                return NodeDiscovery.discover(ssh);
            }
        }

        @Override
        public boolean isDemo() {
            return false;
        }

        @Override
        public List<String> scan(String cidr) throws InterruptedException {
            return SshScanner.scan(cidr, SshScanner.Settings.defaults(), done -> { }).stream().map(SshScanner.Found::address).toList();
        }
    };
}
