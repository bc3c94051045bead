package io.tandem.discovery;

import io.tandem.facts.BlockDevice;
import io.tandem.ssh.Authentication;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.HostKeyPrompt;
import io.tandem.ssh.HostKeyStore;
import io.tandem.ssh.SshFailure;
import io.tandem.ssh.SshTarget;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The demo hosts go through the real parsers and give a report a user can act on. */
class DemoHostConnectorTest {

    private static ConnectionSettings settings(String host, HostKeyPrompt prompt) {
        return ConnectionSettings.of(new SshTarget(host, 22, "root"), List.of(new Authentication.Agent()),
                new HostKeyStore(List.of(), Path.of("/nonexistent")), prompt);
    }

    @Test
    void demoNodesLookLikeFreshServers() throws Exception {
        DemoHostConnector demo = new DemoHostConnector(Duration.ZERO);
        HostFacts node1 = demo.discover(settings("192.168.50.11", HostKeyPrompt.ACCEPT_NEW));
        HostFacts node2 = demo.discover(settings("node2", HostKeyPrompt.ACCEPT_NEW));
        assertThat(node1.unavailable()).isEmpty();
        assertThat(node1.hostname()).isEqualTo("node1");
        assertThat(CompatibilityReport.usableNics(node1)).hasSize(5);
        assertThat(node1.sshInterface()).contains("eth0");
        assertThat(CompatibilityReport.freeDevices(node1)).extracting(BlockDevice::path).containsExactly("/dev/vdb", "/dev/vdc");
        assertThat(CompatibilityReport.freeDevices(node2)).extracting(BlockDevice::path).containsExactly("/dev/vdb");
        BlockDevice old = node2.allBlockDevices().stream().filter(d -> d.path().equals("/dev/vdc")).findFirst().orElseThrow();
        assertThat(node2.inUseReasons(old)).anySatisfy(r -> assertThat(r).contains("ext4"));
        assertThat(CompatibilityReport.forNode(node1)).noneMatch(c -> c.status() == Check.Status.FAIL);
        assertThat(CompatibilityReport.forPair(node1, node2)).noneMatch(c -> c.status() == Check.Status.FAIL);
        assertThat(demo.isDemo()).isTrue();
    }

    @Test
    void unknownAddressesAndRefusedKeysFailLikeRealHosts() {
        DemoHostConnector demo = new DemoHostConnector(Duration.ZERO);
        assertThat(catchThrowableOfType(SshFailure.class, () -> demo.discover(settings("10.1.1.1", HostKeyPrompt.ACCEPT_NEW))).kind())
                .isEqualTo(SshFailure.Kind.UNREACHABLE);
        assertThat(catchThrowableOfType(SshFailure.class, () -> demo.discover(settings("node1", HostKeyPrompt.REFUSE))).kind())
                .isEqualTo(SshFailure.Kind.HOST_KEY_UNKNOWN_REFUSED);
    }
}
