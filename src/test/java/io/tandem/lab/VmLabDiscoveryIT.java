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
}
