package io.tandem.lab;

import io.tandem.discovery.Check;
import io.tandem.discovery.CompatibilityReport;
import io.tandem.discovery.HostFacts;
import io.tandem.facts.BlockDevice;
import io.tandem.facts.NetLink;
import io.tandem.testing.LabEnv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery against the VM lab's freshly booted guests (lab/vm up, or lab/vm reset): real virtio
 * NICs, blank virtio disks, the in-kernel DRBD 8.4 module, packages only as candidates from the
 * lab's apt repository. Skipped when the VM lab is down (it is not part of scripts/test).
 */
class VmLabDiscoveryIT {

    private LabEnv lab;
    @TempDir
    Path dir;

    @BeforeEach
    void lab() {
        lab = LabEnv.requireVmLab();
    }

    private HostFacts discover(String address) throws Exception {
        return lab.discover(address, dir.resolve("kh"));
    }

    @Test
    void freshNodesAreReadyForACluster() throws Exception {
        HostFacts node1 = discover(lab.node1());
        HostFacts node2 = discover(lab.node2());

        for (HostFacts node : List.of(node1, node2)) {
            assertThat(node.unavailable()).isEmpty();
            List<NetLink> nics = CompatibilityReport.usableNics(node);
            assertThat(nics).extracting(NetLink::name).containsExactly("eth0", "eth1", "eth2", "eth3", "eth4");
            assertThat(nics).allSatisfy(n -> assertThat(node.nicHardware().get(n.name()).driver()).isEqualTo("virtio_net"));
            assertThat(node.sshInterface()).contains("eth4");
            assertThat(CompatibilityReport.freeDevices(node)).extracting(BlockDevice::path).contains("/dev/vdb", "/dev/vdc");
            assertThat(node.drbdKernelVersion()).contains("8.4.11");
            assertThat(node.packageCandidates().get("drbd-utils").isAvailable()).isTrue();
            assertThat(CompatibilityReport.forNode(node)).filteredOn(c -> !c.title().equals("time sync"))
                    .allSatisfy(c -> assertThat(c.status()).as(c.describe()).isEqualTo(Check.Status.PASS));
        }
        assertThat(node1.hostname()).isEqualTo("node1");
        assertThat(node2.hostname()).isEqualTo("node2");
        assertThat(CompatibilityReport.forPair(node1, node2))
                .allSatisfy(c -> assertThat(c.status()).as(c.describe()).isEqualTo(Check.Status.PASS));
    }

    @Test
    void theClientsInitiatorNameIsReadOnceOpenIscsiMadeIt() throws Exception {
        String address = lab.get("LAB_CLIENT_ADDRESS");
        HostFacts fresh = discover(address);
        assertThat(fresh.unavailable()).isEmpty();
        assertThat(fresh.initiatorName()).as("a fresh guest has no open-iscsi").isEmpty();
        assertThat(io.tandem.discovery.InitiatorReport.forClient(fresh)).extracting(c -> c.title() + ": " + c.reason())
                .contains("open-iscsi: not installed yet; Tandem installs it", "initiator name: none yet; Tandem writes the one shown");

        // Arrange, as an admin would: Debian's open-iscsi from the lab's own repository; its
        // postinst makes the initiator name (iscsi-iname). A later `lab/vm reset` undoes it.
        var settings = io.tandem.ssh.ConnectionSettings.of(new io.tandem.ssh.SshTarget(address, 22, lab.get("LAB_KEY_USER")),
                List.of(new io.tandem.ssh.Authentication.KeyFile(lab.key())),
                new io.tandem.ssh.HostKeyStore(List.of(), dir.resolve("kh-arrange")), io.tandem.ssh.HostKeyPrompt.ACCEPT_NEW);
        try (var ssh = io.tandem.ssh.SshConnection.open(settings)) {
            var installed = ssh.runAsRoot(io.tandem.ssh.RemoteCommand.script(
                    "DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends open-iscsi"), java.time.Duration.ofMinutes(10));
            assertThat(installed.exitStatus()).as(installed.stderr()).isZero();
        }

        HostFacts client = discover(address);
        assertThat(client.unavailable()).isEmpty();
        assertThat(client.initiatorName()).hasValueSatisfying(name -> assertThat(name).matches("iqn\\.1993-08\\.org\\.debian:01:[0-9a-f]+"));
        assertThat(io.tandem.discovery.InitiatorReport.forClient(client)).filteredOn(c -> !c.title().equals("time sync"))
                .allSatisfy(c -> assertThat(c.status()).as(c.describe()).isEqualTo(Check.Status.PASS));
        assertThat(io.tandem.discovery.InitiatorReport.keptName(client)).isEqualTo(client.initiatorName());
        assertThat(client.files().file("/etc/iscsi/initiatorname.iscsi")).hasValueSatisfying(f ->
                assertThat(f.content()).contains("InitiatorName=" + client.initiatorName().orElseThrow()));
        assertThat(client.files().file("/etc/iscsi/iscsid.conf")).hasValueSatisfying(f -> assertThat(f.content()).contains("node.startup"));
    }
}
