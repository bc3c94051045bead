package io.tandem.discovery;

import io.tandem.facts.BlockDevice;
import io.tandem.ssh.Authentication;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.HostKeyPrompt;
import io.tandem.ssh.HostKeyStore;
import io.tandem.ssh.SshTarget;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The devices a server itself uses are never offered for replicated data, whatever the user types. */
class SystemDevicesTest {

    private static Optional<String> refusal(HostFacts facts, String path) {
        BlockDevice device = facts.allBlockDevices().stream().filter(d -> path.equals(d.path())).findFirst().orElseThrow();
        return SystemDevices.refusal(facts, device);
    }

    /** The whole output of the fact script on a freshly booted VM lab node (real capture). */
    private static HostFacts vmLab(String host) throws IOException {
        try (InputStream in = SystemDevicesTest.class.getResourceAsStream("/fixtures/vmlab/" + host + ".fresh.discovery_facts.txt")) {
            var sections = FactScript.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "fixture");
            return NodeDiscovery.read("tandem@" + host, sections, 0, 0, 1, Duration.ZERO);
        }
    }

    private static HostFacts fromLsblk(String lsblk, String wipefs) {
        return NodeDiscovery.read("test", Map.of("lsblk", new FactScript.Section(lsblk, 0), "wipefs", new FactScript.Section(wipefs, 0)),
                0, 0, 1, Duration.ZERO);
    }

    @Test
    void theVmLabsRootDiskIsRefusedItsBlankDisksAreNot() throws IOException {
        HostFacts node1 = vmLab("node1");
        assertThat(refusal(node1, "/dev/vda")).contains("is mounted on /");
        assertThat(refusal(node1, "/dev/vdb")).isEmpty();
        assertThat(refusal(node1, "/dev/vdc")).isEmpty();
    }

    @Test
    void theDemosSystemDiskItsRootPartitionAndSwapAreRefused() throws Exception {
        HostFacts node2 = new DemoHostConnector(Duration.ZERO).discover(ConnectionSettings.of(new SshTarget("node2", 22, "root"),
                List.of(new Authentication.Agent()), new HostKeyStore(List.of(), Path.of("/nonexistent")), HostKeyPrompt.ACCEPT_NEW));
        assertThat(refusal(node2, "/dev/vda1")).contains("is mounted on /");
        assertThat(refusal(node2, "/dev/vda2")).contains("is in use as swap");
        assertThat(refusal(node2, "/dev/vda")).contains("holds /dev/vda1, which is mounted on /");
        assertThat(refusal(node2, "/dev/vdb")).as("blank").isEmpty();
        assertThat(refusal(node2, "/dev/vdc")).as("an old filesystem nobody mounts: destroyable after a typed confirmation").isEmpty();
    }

    @Test
    void aDiskUnderDrbdIsNotASystemDevice() throws IOException {
        // The VM lab's node1 after apply (real capture): vdb holds drbd0, Tandem's own volume.
        String lsblk;
        try (InputStream in = SystemDevicesTest.class.getResourceAsStream("/fixtures/vmlab/node1.healthy.lsblk_J_b_O.txt")) {
            lsblk = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HostFacts node1 = fromLsblk(lsblk, "");
        assertThat(refusal(node1, "/dev/vdb")).isEmpty();
        assertThat(refusal(node1, "/dev/vda")).contains("is mounted on /");
    }

    /** Written by hand in lsblk's shape: root on LVM on a partition, a RAID 1 pair, an idle PV, swap not active. */
    private static final String LVM_AND_RAID = """
            {"blockdevices": [
              {"name": "sda", "path": "/dev/sda", "size": 107374182400, "type": "disk", "ro": false, "rota": false, "pttype": "gpt",
               "children": [
                 {"name": "sda1", "path": "/dev/sda1", "size": 1073741824, "type": "part", "fstype": "ext4", "mountpoints": ["/boot"]},
                 {"name": "sda2", "path": "/dev/sda2", "size": 106300440576, "type": "part", "fstype": "LVM2_member", "mountpoints": [null],
                  "children": [
                    {"name": "vg-root", "path": "/dev/mapper/vg-root", "size": 53687091200, "type": "lvm", "fstype": "ext4", "mountpoints": ["/"]}
                  ]},
                 {"name": "sda3", "path": "/dev/sda3", "size": 1048576, "type": "part", "mountpoints": [null]}
               ]},
              {"name": "sdb", "path": "/dev/sdb", "size": 107374182400, "type": "disk", "fstype": "linux_raid_member", "mountpoints": [null],
               "children": [{"name": "md0", "path": "/dev/md0", "size": 107240000000, "type": "raid1", "mountpoints": ["/srv"]}]},
              {"name": "sdc", "path": "/dev/sdc", "size": 107374182400, "type": "disk", "mountpoints": [null]},
              {"name": "sdd", "path": "/dev/sdd", "size": 107374182400, "type": "disk", "mountpoints": [null]},
              {"name": "sde", "path": "/dev/sde", "size": 107374182400, "type": "disk", "mountpoints": [null]},
              {"name": "sdf", "path": "/dev/sdf", "size": 107374182400, "type": "disk", "mountpoints": [null],
               "children": [{"name": "crypt0", "path": "/dev/mapper/crypt0", "size": 107340000000, "type": "crypt", "mountpoints": [null]}]}
            ]}
            """;

    /** lsblk without udev knows no filesystem types: wipefs does (sdc: an idle LVM PV, sdd: swap nobody uses). */
    private static final String WIPEFS = """
            @@DEV /dev/sdc
            {"signatures": [{"device": "sdc", "offset": "0x218", "type": "LVM2_member", "uuid": "x", "label": null}]}
            @@DEV /dev/sdd
            {"signatures": [{"device": "sdd", "offset": "0xff6", "type": "swap", "uuid": "y", "label": null}]}
            @@DEV /dev/sde
            {"signatures": []}
            """;

    @Test
    void lvmRaidSwapAndHoldersAreRefusedWithTheirReason() {
        HostFacts facts = fromLsblk(LVM_AND_RAID, WIPEFS);
        assertThat(facts.unavailable()).doesNotContainKeys("lsblk", "wipefs /dev/sdc");
        assertThat(refusal(facts, "/dev/sda1")).contains("is mounted on /boot");
        assertThat(refusal(facts, "/dev/sda2")).contains("is an LVM physical volume");
        assertThat(refusal(facts, "/dev/sda")).contains("holds /dev/sda1, which is mounted on /boot");
        assertThat(refusal(facts, "/dev/sda3")).as("a spare partition on the system disk").isEmpty();
        assertThat(refusal(facts, "/dev/sdb")).contains("is a software RAID member");
        assertThat(refusal(facts, "/dev/sdc")).as("seen by wipefs only").contains("is an LVM physical volume");
        assertThat(refusal(facts, "/dev/sdd")).contains("is swap space");
        assertThat(refusal(facts, "/dev/sde")).isEmpty();
        assertThat(refusal(facts, "/dev/sdf")).contains("is held by crypt0");
    }
}
