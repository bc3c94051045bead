package io.tandem.facts;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LsblkParserTest {

    private static Map<String, BlockDevice> byName(List<BlockDevice> devices) {
        return devices.stream().collect(Collectors.toMap(BlockDevice::name, Function.identity()));
    }

    @Test
    void readsNode1sDisksWithDrbdOnVdb() throws FactParseException {
        Map<String, BlockDevice> disks = byName(LsblkParser.parse(Fixture.vmlab("node1.healthy.lsblk_J_b_O.txt")));

        assertThat(disks).containsOnlyKeys("fd0", "sr0", "vda", "vdb");
        BlockDevice vdb = disks.get("vdb");
        assertThat(vdb.path()).isEqualTo("/dev/vdb");
        assertThat(vdb.sizeBytes()).isEqualTo(1_073_741_824L);
        assertThat(vdb.type()).isEqualTo("disk");
        assertThat(vdb.fsType()).isEqualTo("drbd");
        assertThat(vdb.mountpoints()).as("[null] means none").isEmpty();
        assertThat(vdb.children()).singleElement().satisfies(drbd0 -> {
            assertThat(drbd0.name()).isEqualTo("drbd0");
            assertThat(drbd0.sizeBytes()).isEqualTo(1_073_672_192L);
            assertThat(drbd0.readOnly()).as("node1 is Secondary here").isTrue();
        });
        assertThat(vdb.inUse()).containsExactly("is held by drbd0", "has DRBD metadata");

        BlockDevice vda = disks.get("vda");
        assertThat(vda.fsType()).isEqualTo("ext4");
        assertThat(vda.label()).isEqualTo("root");
        assertThat(vda.uuid()).isEqualTo("2141e415-e28b-4156-a768-b2014cdd1789");
        assertThat(vda.inUse()).containsExactly("has an ext4 filesystem", "is mounted on /");

        BlockDevice sr0 = disks.get("sr0");
        assertThat(sr0.type()).isEqualTo("rom");
        assertThat(sr0.model()).isEqualTo("QEMU DVD-ROM");
        assertThat(sr0.serial()).isEqualTo("QM00003");
        assertThat(sr0.readOnly()).isTrue();
        assertThat(disks.get("fd0").inUse()).isEmpty();
    }

    @Test
    void node2sDrbdDeviceIsWritableBecauseItIsPrimary() throws FactParseException {
        Map<String, BlockDevice> disks = byName(LsblkParser.parse(Fixture.vmlab("node2.healthy.lsblk_J_b_O.txt")));

        assertThat(disks.get("vdb").children().getFirst().readOnly()).isFalse();
    }

    @Test
    void readsTheIscsiLunOnTheClient() throws FactParseException {
        BlockDevice sda = byName(LsblkParser.parse(Fixture.vmlab("client.healthy.lsblk_J_b_O.txt"))).get("sda");

        assertThat(sda.transport()).isEqualTo("iscsi");
        assertThat(sda.model()).isEqualTo("p_lun0");
        assertThat(sda.serial()).isEqualTo("d88f84b6");
        assertThat(sda.wwn()).isEqualTo("0x6001405d88f84b600000000000000000");
        assertThat(sda.sizeBytes()).as("the DRBD device's size, not the backing disk's").isEqualTo(1_073_672_192L);
        assertThat(sda.rotational()).isTrue();
        assertThat(sda.inUse()).isEmpty();
    }

    @Test
    void readsLoopDevicesWithPartitionsAndAMountOnAHostWithoutUdev() throws FactParseException {
        Map<String, BlockDevice> disks = byName(LsblkParser.parse(Fixture.local("lsblk_J_b_O.loops.txt")));

        BlockDevice loop0 = disks.get("loop0");
        assertThat(loop0.type()).isEqualTo("loop");
        assertThat(loop0.sizeBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(loop0.fsType()).as("no udev, so lsblk cannot tell the ext4 on it").isNull();
        assertThat(loop0.inUse()).isEmpty();

        BlockDevice loop2 = disks.get("loop2");
        assertThat(loop2.children()).extracting(BlockDevice::name, BlockDevice::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("loop2p1", "part"), org.assertj.core.groups.Tuple.tuple("loop2p2", "part"));
        assertThat(loop2.inUse()).containsExactly("has 2 partitions");
        assertThat(loop2.children().getFirst().inUse()).containsExactly("is mounted on /tmp/tandemfacts-mnt");
        assertThat(disks.get("vda").mountpoints()).containsExactly("/run/netns", "/");
        assertThat(disks.get("vda").inUse()).containsExactly("is mounted on /run/netns, /");
    }

    @Test
    void readsOldUtilLinuxWhereEverythingIsAString() throws FactParseException {
        String old = """
                {"blockdevices": [{"name": "sdb", "size": "10737418240", "type": "disk", "fstype": "LVM2_member",
                  "mountpoint": null, "rota": "0", "ro": "0", "pttype": null}]}""";

        BlockDevice sdb = LsblkParser.parse(old).getFirst();

        assertThat(sdb.sizeBytes()).isEqualTo(10_737_418_240L);
        assertThat(sdb.rotational()).isFalse();
        assertThat(sdb.inUse()).containsExactly("is an LVM physical volume");
    }

    @Test
    void refusesOutputWithoutBlockdevices() {
        assertThatThrownBy(() -> LsblkParser.parse("{\"devices\": []}"))
                .isInstanceOf(FactParseException.class).hasMessage("lsblk -J: expected an object with 'blockdevices'");
        assertThatThrownBy(() -> LsblkParser.parse("lsblk: unknown column: FSROOTS"))
                .isInstanceOf(FactParseException.class).hasMessageStartingWith("lsblk -J: not JSON");
        assertThatThrownBy(() -> LsblkParser.parse("{\"blockdevices\": [{\"name\": \"sda\", \"type\": \"disk\", \"size\": \"big\"}]}"))
                .isInstanceOf(FactParseException.class).hasMessageContaining("'size' is not a whole number");
        assertThatThrownBy(() -> LsblkParser.parse("{\"blockdevices\": [{\"name\": \"sda\", \"type\": \"disk\", \"size\": 1, \"ro\": \"maybe\"}]}"))
                .isInstanceOf(FactParseException.class);
    }
}
