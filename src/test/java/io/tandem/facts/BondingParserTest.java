package io.tandem.facts;

import io.tandem.model.BondMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BondingParserTest {

    @Test
    void readsNode1sActiveBackupBond() throws FactParseException {
        BondStatus bond = BondingParser.parse("bond0", Fixture.vmlab("node1.healthy.proc_net_bonding_bond0.txt"));

        assertThat(bond.name()).isEqualTo("bond0");
        assertThat(bond.modeText()).isEqualTo("fault-tolerance (active-backup)");
        assertThat(bond.mode()).contains(BondMode.ACTIVE_BACKUP);
        assertThat(bond.isUp()).isTrue();
        assertThat(bond.miimonMs()).isEqualTo(100);
        assertThat(bond.upDelayMs()).isZero();
        assertThat(bond.downDelayMs()).isZero();
        assertThat(bond.primarySlave()).isEqualTo("eth0");
        assertThat(bond.activeSlave()).isEqualTo("eth0");
        assertThat(bond.slaves()).containsExactly(
                new BondStatus.Slave("eth0", "up", null, 0, "52:54:00:50:01:00"),
                new BondStatus.Slave("eth1", "up", null, 0, "52:54:00:50:01:01"));
    }

    @Test
    void seesTheFailoverToEth1WhenEth0LosesItsLink() throws FactParseException {
        BondStatus bond = BondingParser.parse("bond0", Fixture.vmlab("node1.eth0-link-down.proc_net_bonding_bond0.txt"));

        assertThat(bond.activeSlave()).isEqualTo("eth1");
        assertThat(bond.primarySlave()).isEqualTo("eth0");
        assertThat(bond.isUp()).as("the bond survives").isTrue();
        assertThat(bond.slave("eth0")).hasValueSatisfying(eth0 -> {
            assertThat(eth0.isUp()).isFalse();
            assertThat(eth0.miiStatus()).isEqualTo("down");
            assertThat(eth0.linkFailureCount()).isGreaterThanOrEqualTo(1);
        });
        assertThat(bond.slave("eth1")).hasValueSatisfying(eth1 -> assertThat(eth1.isUp()).isTrue());
    }

    @Test
    void readsAnArpMonitoredReplicationBondAsMiiPollingZero() throws FactParseException {
        BondStatus bond = BondingParser.parse("bond1", Fixture.vmlab("node1.fallback.proc_net_bonding_bond1.txt"));

        assertThat(bond.mode()).contains(BondMode.ACTIVE_BACKUP);
        assertThat(bond.isUp()).isTrue();
        assertThat(bond.miimonMs()).as("checked by ARP, not by MII").isZero();
        assertThat(bond.upDelayMs()).isZero();
        assertThat(bond.primarySlave()).isEqualTo("eth2");
        assertThat(bond.activeSlave()).isEqualTo("eth2");
        assertThat(bond.slaves()).containsExactly(
                new BondStatus.Slave("eth2", "up", 10000, 5, "52:54:00:01:00:02"),
                new BondStatus.Slave("eth3", "up", 10000, 1, "52:54:00:01:00:03"));
    }

    @Test
    void readsTheTutorialsRoundRobinBond() throws FactParseException {
        BondStatus bond = BondingParser.parse("bond0", Fixture.tutorial("proc_net_bonding_bond0.txt"));

        assertThat(bond.mode()).contains(BondMode.BALANCE_RR);
        assertThat(bond.upDelayMs()).isEqualTo(200);
        assertThat(bond.downDelayMs()).isEqualTo(200);
        assertThat(bond.activeSlave()).as("round-robin has no active slave").isNull();
        assertThat(bond.primarySlave()).isNull();
        assertThat(bond.slaves()).extracting(BondStatus.Slave::name, BondStatus.Slave::permanentMac)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("eth0", "54:52:00:6d:f7:4d"),
                        org.assertj.core.groups.Tuple.tuple("eth1", "54:52:00:11:36:cf"));
    }

    @Test
    void readsAKnownSlaveSpeed() throws FactParseException {
        String output = Fixture.vmlab("node1.healthy.proc_net_bonding_bond0.txt").replaceFirst("Speed: Unknown", "Speed: 1000 Mbps");

        assertThat(BondingParser.parse("bond0", output).slaves().getFirst().speedMbps()).isEqualTo(1000);
    }

    @Test
    void refusesAFileThatIsNoBond() {
        assertThatThrownBy(() -> BondingParser.parse("eth0", "cat: /proc/net/bonding/eth0: No such file or directory"))
                .isInstanceOf(FactParseException.class)
                .hasMessage("/proc/net/bonding: no 'Bonding Mode:' line; is eth0 a bond?");
        assertThatThrownBy(() -> BondingParser.parse("bond0", "Bonding Mode: x\nMII Polling Interval (ms): often\n"))
                .isInstanceOf(FactParseException.class).hasMessageContaining("is not a number");
    }

    @Test
    void quotesTheBondNameInTheCommand() {
        assertThat(BondingParser.command("bond0")).isEqualTo("cat /proc/net/bonding/bond0");
        assertThat(BondingParser.command("b;reboot")).isEqualTo("cat '/proc/net/bonding/b;reboot'");
    }
}
