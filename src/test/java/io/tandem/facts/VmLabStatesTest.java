package io.tandem.facts;

import io.tandem.model.Bond;
import io.tandem.testing.Examples;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parsers on outputs captured in Tandem's own VM lab (lab/vm, see lab/vm-README.md) with the
 * files of examples/vm-lab.tandem.json: bonds built from the generated ifupdown stanzas, one with
 * its primary slave's carrier cut (QEMU set_link); DRBD 8.4.11 with drbd-utils 9.22 syncing,
 * connected, disconnected (replication bond cut) and StandAlone after a split brain.
 */
class VmLabStatesTest {

    /** node1's bond0 as examples/vm-lab.tandem.json asks for it: the files generated from it built the lab's bonds. */
    private static Bond projectBond0() {
        return Examples.read(Examples.VM_LAB).nodes().getFirst().links().stream().filter(l -> l.interfaceName().equals("bond0"))
                .findFirst().orElseThrow().bond();
    }

    @Test
    void bondWithItsPrimarySlaveDown() throws FactParseException {
        BondStatus bond = BondingParser.parse("bond0", Fixture.vmlab("node1.bond0-eth0-down.proc_net_bonding_bond0.txt"));
        Bond asked = projectBond0();

        assertThat(bond.mode()).contains(asked.mode());
        assertThat(bond.isUp()).isTrue();
        assertThat(bond.primarySlave()).isEqualTo(asked.primary());
        assertThat(bond.activeSlave()).as("the other slave took over").isEqualTo(asked.slaves().get(1));
        assertThat(bond.miimonMs()).isEqualTo(asked.miimon());
        assertThat(bond.upDelayMs()).isEqualTo(asked.updelay());
        assertThat(bond.downDelayMs()).isEqualTo(asked.downdelay());
        assertThat(bond.slave("eth0")).hasValueSatisfying(s -> {
            assertThat(s.isUp()).isFalse();
            assertThat(s.linkFailureCount()).isEqualTo(1);
            assertThat(s.permanentMac()).isEqualTo("52:54:00:01:00:00");
        });
        assertThat(bond.slave("eth1")).hasValueSatisfying(s -> assertThat(s.speedMbps()).isEqualTo(1000));

        BondStatus back = BondingParser.parse("bond0", Fixture.vmlab("node1.bond0-eth0-back.proc_net_bonding_bond0.txt"));
        assertThat(back.activeSlave()).as("back to the primary").isEqualTo("eth0");
        assertThat(back.slaves()).allSatisfy(s -> assertThat(s.isUp()).isTrue());
    }

    @Test
    void replicationBondRunsAtTheNicsSpeed() throws FactParseException {
        BondStatus bond1 = BondingParser.parse("bond1", Fixture.vmlab("node1.bonded.proc_net_bonding_bond1.txt"));

        assertThat(bond1.activeSlave()).isEqualTo("eth2");
        assertThat(bond1.slaves()).extracting(BondStatus.Slave::speedMbps).containsExactly(10000, 10000);
        assertThat(NicHardwareParser.parse(Fixture.vmlab("node1.bonded.nic_hardware.txt")).get("bond1").speedMbps()).isEqualTo(10000);
    }

    @Test
    void linksOfABondedNode() throws FactParseException {
        List<NetLink> links = IpLinkParser.parse(Fixture.vmlab("node1.bonded.ip_j_d_link.txt"));

        NetLink bond0 = links.stream().filter(l -> l.name().equals("bond0")).findFirst().orElseThrow();
        assertThat(bond0.linkKind()).isEqualTo("bond");
        assertThat(links.stream().filter(l -> "bond0".equals(l.master()))).extracting(NetLink::name).containsExactly("eth0", "eth1");
        assertThat(links.stream().filter(l -> "bond1".equals(l.master()))).extracting(NetLink::name).containsExactly("eth2", "eth3");
        NetLink eth1 = links.stream().filter(l -> l.name().equals("eth1")).findFirst().orElseThrow();
        assertThat(eth1.slaveKind()).isEqualTo("bond");
        assertThat(eth1.mac()).as("a slave takes the bond's address").isEqualTo("52:54:00:01:00:00");
        assertThat(eth1.permanentMac()).isEqualTo("52:54:00:01:00:01");

        List<NetLink> down = IpLinkParser.parse(Fixture.vmlab("node1.bond0-eth0-down.ip_j_d_link.txt"));
        NetLink eth0 = down.stream().filter(l -> l.name().equals("eth0")).findFirst().orElseThrow();
        assertThat(eth0.isUp()).isTrue();
        assertThat(eth0.carrier()).isFalse();
        assertThat(IpAddrParser.parse(Fixture.vmlab("node1.bonded.ip_j_addr.txt")).get("bond1"))
                .extracting(IfAddress::cidr).contains("192.168.60.11/24");
    }

    /**
     * The resync figures of both nodes, checked against what they must be rather than against the
     * capture's own digits: the total is the 1 GiB lab disk (its size from lsblk) minus DRBD 8.4's
     * internal metadata, the KiB left are the same device's oos, the percentage is the kernel's
     * formula on those two, and the time left is what is left at the speed shown.
     */
    @Test
    void drbdSyncing() throws FactParseException {
        long diskKiB = LsblkParser.parse(Fixture.vmlab("node1.bonded.lsblk_J_b_O.txt")).stream()
                .filter(d -> d.path().equals("/dev/vdb")).findFirst().orElseThrow().sizeBytes() / 1024;
        // One bitmap bit per 4 KiB, a 32 KiB activity log and a 4 KiB superblock, all at the disk's end.
        long drbdKiB = diskKiB - diskKiB / 4 / 8 / 1024 - 32 - 4;
        for (String capture : List.of("node1.syncing.proc_drbd.txt", "node2.syncing.proc_drbd.txt")) {
            List<DrbdDeviceState> devices = ProcDrbdParser.parse(Fixture.vmlab(capture));
            assertThat(devices).as(capture).hasSize(2).allSatisfy(d -> {
                assertThat(d.isSyncing()).isTrue();
                DrbdDeviceState.SyncProgress sync = d.sync();
                assertThat(sync.verify()).isFalse();
                assertThat(sync.totalKiB()).isEqualTo(drbdKiB);
                assertThat(sync.remainingKiB()).as("the oos field of the same device").isEqualTo(d.outOfSyncKiB()).isPositive();
                assertThat(sync.percentDone()).as("the kernel's formula").isEqualTo(DrbdKernelFormula.percentDone(sync.remainingKiB(), drbdKiB));
                assertThat(sync.speedKiBPerSecond()).isPositive();
                assertThat((double) sync.finish().toSeconds()).as("left / speed").isCloseTo(
                        (double) sync.remainingKiB() / sync.speedKiBPerSecond(), org.assertj.core.data.Offset.offset(1.0));
            });
        }
        List<DrbdDeviceState> source = ProcDrbdParser.parse(Fixture.vmlab("node1.syncing.proc_drbd.txt"));
        assertThat(source).allSatisfy(d -> {
            assertThat(d.connectionState()).isEqualTo("SyncSource");
            assertThat(d.diskState()).isEqualTo("UpToDate");
            assertThat(d.peerDiskState()).isEqualTo("Inconsistent");
        });
        assertThat(ProcDrbdParser.parse(Fixture.vmlab("node2.syncing.proc_drbd.txt"))).allSatisfy(d -> {
            assertThat(d.connectionState()).isEqualTo("SyncTarget");
            assertThat(d.diskState()).isEqualTo("Inconsistent");
        });

        List<DrbdResourceStatus> events = DrbdEvents2Parser.parse(Fixture.vmlab("node1.syncing.drbdsetup_events2_now.txt"));
        assertThat(events).extracting(DrbdResourceStatus::name).containsExactly("r0", "r1");
        assertThat(events).allSatisfy(r -> assertThat(r.peers().getFirst().volumes().getFirst()).satisfies(v -> {
            assertThat(v.replicationState()).isEqualTo("SyncSource");
            assertThat(v.peerDiskState()).isEqualTo("Inconsistent");
            assertThat(v.outOfSyncKiB()).isPositive().isLessThan(drbdKiB);
        }));
    }

    @Test
    void drbdConnectedAndDisconnected() throws FactParseException {
        assertThat(ProcDrbdParser.parse(Fixture.vmlab("node2.connected.proc_drbd.txt"))).allSatisfy(d -> {
            assertThat(d.connectionState()).isEqualTo("Connected");
            assertThat(d.role()).isEqualTo("Secondary");
            assertThat(d.peerRole()).isEqualTo("Primary");
            assertThat(d.peerDiskState()).isEqualTo("UpToDate");
            assertThat(d.outOfSyncKiB()).isZero();
        });
        assertThat(ProcDrbdParser.parse(Fixture.vmlab("node1.disconnected.proc_drbd.txt"))).allSatisfy(d -> {
            assertThat(d.connectionState()).isEqualTo("WFConnection");
            assertThat(d.peerRole()).isEqualTo("Unknown");
            assertThat(d.peerDiskState()).isEqualTo("DUnknown");
        });
        List<DrbdResourceStatus> events = DrbdEvents2Parser.parse(Fixture.vmlab("node2.disconnected.drbdsetup_events2_now.txt"));
        assertThat(events).allSatisfy(r -> {
            assertThat(r.role()).isEqualTo("Secondary");
            assertThat(r.peers()).singleElement().satisfies(p -> assertThat(p.connectionState()).isEqualTo("Connecting"));
        });
    }

    @Test
    void drbdStandAloneAfterSplitBrain() throws FactParseException {
        List<DrbdDeviceState> node1 = ProcDrbdParser.parse(Fixture.vmlab("node1.split-brain.proc_drbd.txt"));
        assertThat(node1.getFirst()).satisfies(d -> {
            assertThat(d.connectionState()).isEqualTo("StandAlone");
            assertThat(d.role()).isEqualTo("Primary");
        });
        assertThat(node1.get(1).connectionState()).as("r1 was not touched").isEqualTo("Connected");

        List<DrbdResourceStatus> node2 = DrbdEvents2Parser.parse(Fixture.vmlab("node2.split-brain.drbdsetup_events2_now.txt"));
        DrbdResourceStatus r0 = node2.getFirst();
        assertThat(r0.role()).isEqualTo("Primary");
        // a StandAlone connection has no conn-name on its line
        assertThat(r0.peers()).singleElement().satisfies(p -> {
            assertThat(p.connectionState()).isEqualTo("StandAlone");
            assertThat(p.role()).isEqualTo("Unknown");
            assertThat(p.volumes()).singleElement().satisfies(v -> {
                assertThat(v.replicationState()).isEqualTo("Off");
                assertThat(v.peerDiskState()).isEqualTo("Outdated");
            });
        });
        // Each side wrote 64 KiB to r0 while they were apart (fixtures/vmlab/README.md): that is what both count as out of sync.
        assertThat(node1.getFirst().outOfSyncKiB()).isEqualTo(64);
        assertThat(ProcDrbdParser.parse(Fixture.vmlab("node2.split-brain.proc_drbd.txt")).getFirst()).satisfies(d -> {
            assertThat(d.connectionState()).isEqualTo("StandAlone");
            assertThat(d.role()).as("both sides primary: the split brain").isEqualTo("Primary");
            assertThat(d.outOfSyncKiB()).isEqualTo(64);
        });
    }

    @Test
    void installedClusterPackages() throws FactParseException {
        var installed = DpkgQueryParser.parse(Fixture.vmlab("node1.installed.dpkg_query_W.txt"));
        assertThat(installed).containsKeys("drbd-utils", "pacemaker", "corosync", "pcs", "crmsh", "targetcli-fb", "ifenslave", "chrony");
        DrbdVersions versions = DrbdVersionParser.parse(Fixture.vmlab("node1.installed.drbd_versions.txt"));
        assertThat(versions.utils()).contains("9.22.0");
    }
}
