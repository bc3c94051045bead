package io.tandem.discovery;

import io.tandem.facts.BlockDevice;
import io.tandem.facts.HostFile;
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
    void demoHostsHaveStockDebianFilesReadThroughTheRealParser() throws Exception {
        DemoHostConnector demo = new DemoHostConnector(Duration.ZERO);
        HostFacts node1 = demo.discover(settings("node1", HostKeyPrompt.ACCEPT_NEW));
        HostFacts client = demo.discover(settings("client", HostKeyPrompt.ACCEPT_NEW));

        assertThat(node1.files().file("/etc/hosts")).hasValueSatisfying(f -> assertThat(f.content()).contains("127.0.1.1\tnode1.test.lab\tnode1"));
        assertThat(node1.files().file("/etc/network/interfaces")).hasValueSatisfying(f -> assertThat(f.content()).contains("address 192.168.50.11/24"));
        assertThat(node1.files().file("/etc/drbd.d/global_common.conf")).map(HostFile::state).contains(HostFile.State.PRESENT);
        assertThat(node1.files().file("/etc/drbd.d/r0.res")).map(HostFile::state).contains(HostFile.State.ABSENT);
        assertThat(node1.files().file("/etc/corosync/corosync.conf")).map(HostFile::state).contains(HostFile.State.ABSENT);
        assertThat(client.files().file("/etc/iscsi/iscsid.conf")).hasValueSatisfying(f -> assertThat(f.content())
                .contains("node.startup = manual", "#node.session.auth.password = {masked:").doesNotContain("password = password"));
        assertThat(client.files().file("/etc/fstab")).hasValueSatisfying(f -> assertThat(f.content()).contains("errors=remount-ro"));
        assertThat(node1.discoveredAt()).isNotNull();
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
