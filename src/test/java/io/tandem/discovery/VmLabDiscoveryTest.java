package io.tandem.discovery;

import io.tandem.facts.BlockDevice;
import io.tandem.facts.NetLink;
import io.tandem.model.DrbdVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery of freshly booted VM lab guests (lab/vm), from the complete output of the fact script
 * captured on them (fixtures/vmlab/HOST.fresh.discovery_facts.txt, nonce "fixture"): five real
 * virtio NICs of which four are not configured yet, two blank 1 GiB disks, the in-kernel DRBD 8.4
 * module not loaded and drbd-utils not installed, every cluster package only a candidate from the
 * lab's apt repository, 1 GiB of RAM.
 */
class VmLabDiscoveryTest {

    private static HostFacts facts(String host) throws IOException {
        String output;
        try (InputStream in = VmLabDiscoveryTest.class.getResourceAsStream("/fixtures/vmlab/" + host + ".fresh.discovery_facts.txt")) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var sections = FactScript.parse(output, "fixture");
        return new NodeDiscovery.FactReader("tandem@" + host, sections, 0, 0, 1, Duration.ofSeconds(6)).read();
    }

    private static Check check(List<Check> checks, String title) {
        return checks.stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void everyFactOfAFreshNodeIsRead() throws IOException {
        HostFacts node1 = facts("node1");

        assertThat(node1.unavailable()).isEmpty();
        // The configuration files as a fresh Debian 12 guest has them: stock ones present, Tandem's not yet.
        assertThat(node1.files().file("/etc/hosts")).hasValueSatisfying(f -> assertThat(f.content()).contains("node1"));
        assertThat(node1.files().file("/etc/corosync/corosync.conf")).hasValueSatisfying(
                f -> assertThat(f.state()).isEqualTo(io.tandem.facts.HostFile.State.ABSENT));
        assertThat(node1.initiatorName()).as("no open-iscsi on a fresh node").isEmpty();
        assertThat(node1.hostname()).isEqualTo("node1");
        assertThat(node1.kernel()).hasValueSatisfying(k -> assertThat(k.kernelRelease()).startsWith("6.1.0-"));
        assertThat(node1.sshInterface()).contains("eth4");
    }

    @Test
    void fiveVirtioNicsOfWhichOnlyTheManagementNicIsUp() throws IOException {
        HostFacts node1 = facts("node1");

        List<NetLink> nics = CompatibilityReport.usableNics(node1);
        assertThat(nics).extracting(NetLink::name).containsExactly("eth0", "eth1", "eth2", "eth3", "eth4");
        assertThat(nics).extracting(NetLink::mac)
                .containsExactly("52:54:00:01:00:00", "52:54:00:01:00:01", "52:54:00:01:00:02", "52:54:00:01:00:03", "52:54:00:01:00:04");
        assertThat(nics).allSatisfy(n -> assertThat(node1.nicHardware().get(n.name()).driver()).isEqualTo("virtio_net"));
        assertThat(node1.nicHardware().get("eth4").speedMbps()).isEqualTo(1000);
        // A NIC that is not up tells neither speed nor carrier: sysfs answers EINVAL.
        assertThat(nics.subList(0, 4)).allSatisfy(n -> {
            assertThat(n.isUp()).isFalse();
            assertThat(node1.nicHardware().get(n.name()).speedMbps()).isNull();
        });
        assertThat(node1.addresses().get("eth4")).extracting(a -> a.cidr()).contains("10.205.0.11/24");
    }

    @Test
    void unconfiguredNicsAreReportedAsNotUpRatherThanWithoutLink() throws IOException {
        Check nics = check(CompatibilityReport.forNode(facts("node1")), "NICs for two bonds");

        assertThat(nics.status()).isEqualTo(Check.Status.PASS);
        assertThat(nics.reason()).isEqualTo("5 NICs: eth0 (not up), eth1 (not up), eth2 (not up), eth3 (not up), eth4")
                .doesNotContain("no link");
    }

    @Test
    void bothBlankDisksAreFreeAndTheRootDiskIsNot() throws IOException {
        HostFacts node1 = facts("node1");

        assertThat(CompatibilityReport.freeDevices(node1)).extracting(BlockDevice::path).containsExactlyInAnyOrder("/dev/vdb", "/dev/vdc");
        assertThat(CompatibilityReport.freeDevices(node1)).allSatisfy(d -> assertThat(d.sizeBytes()).isEqualTo(1L << 30));
        BlockDevice vda = node1.allBlockDevices().stream().filter(d -> d.path().equals("/dev/vda")).findFirst().orElseThrow();
        assertThat(node1.inUseReasons(vda)).isNotEmpty();
    }

    @Test
    void theDrbdModuleVersionComesFromModinfoWhileNothingIsLoadedOrInstalled() throws IOException {
        HostFacts node1 = facts("node1");

        assertThat(node1.drbd().moduleLoaded()).isFalse();
        assertThat(node1.drbd().utils()).isEmpty();
        assertThat(node1.drbdModuleAvailable()).isTrue();
        assertThat(node1.drbdKernelVersion()).contains("8.4.11");
        assertThat(node1.drbdGeneration()).contains(DrbdVersion.V8_4);
        Check drbd = check(CompatibilityReport.forNode(node1), "DRBD");
        assertThat(drbd.status()).isEqualTo(Check.Status.PASS);
        assertThat(drbd.reason()).isEqualTo("kernel module 8.4.11, drbd-utils installable");
    }

    @Test
    void clusterPackagesAreNotInstalledButHaveCandidates() throws IOException {
        HostFacts node1 = facts("node1");

        for (String p : NodeDiscovery.PACKAGES) {
            assertThat(node1.packages()).as(p).doesNotContainKey(p);
            assertThat(node1.packageCandidates().get(p)).as(p).satisfies(policy -> {
                assertThat(policy.isAvailable()).isTrue();
                assertThat(policy.installed()).isNull();
            });
        }
        assertThat(node1.packageCandidates().get("drbd-utils").candidate()).isEqualTo("9.22.0-1");
        assertThat(node1.packageCandidates().get("pacemaker").candidate()).startsWith("2.1.5-");
    }

    @Test
    void oneGibOfRamIsEnoughAlthoughMemTotalIsBelow1024MiB() throws IOException {
        HostFacts node1 = facts("node1");

        assertThat(node1.memoryTotalBytes() >> 20).isBetween(900L, 1023L);
        assertThat(check(CompatibilityReport.forNode(node1), "memory").status()).isEqualTo(Check.Status.PASS);
    }

    @Test
    void theTwoNodesMakeAPair() throws IOException {
        List<Check> pair = CompatibilityReport.forPair(facts("node1"), facts("node2"));

        assertThat(pair).extracting(Check::title).contains("same OS", "matching disks", "clocks", "distinct names");
        assertThat(pair).filteredOn(c -> !c.title().equals("clocks")).allSatisfy(c -> assertThat(c.status()).isEqualTo(Check.Status.PASS));
        assertThat(check(pair, "matching disks").reason()).endsWith("1.0 GiB");
    }

    @Test
    void theClientHasItsClientAddressAndTheManagementNic() throws IOException {
        HostFacts client = facts("client");

        assertThat(client.unavailable()).isEmpty();
        assertThat(client.initiatorName()).as("open-iscsi comes with apply").isEmpty();
        assertThat(CompatibilityReport.usableNics(client)).extracting(NetLink::name).containsExactly("eth0", "eth1");
        assertThat(client.addresses().get("eth0")).extracting(a -> a.cidr()).contains("192.168.50.20/24");
        assertThat(client.sshInterface()).contains("eth1");
    }
}
