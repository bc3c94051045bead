package io.tandem.facts;

import io.tandem.discovery.FactScript;
import io.tandem.discovery.NodeDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class SystemctlStateParserTest {

    @Test
    void readsIsEnabledForEveryUnitInOrder() throws FactParseException {
        List<String> units = List.of("corosync", "pacemaker", "drbd", "ssh", "chrony", "systemd-journald", "cryptdisks", "sshd");

        Map<String, String> states = SystemctlStateParser.parse(units, Fixture.local("systemctl_is_enabled.txt"));

        assertThat(states).containsExactly(
                entry("corosync", "enabled"), entry("pacemaker", "enabled"), entry("drbd", "disabled"), entry("ssh", "enabled"),
                entry("chrony", "enabled"), entry("systemd-journald", "static"), entry("cryptdisks", "masked"), entry("sshd", "alias"));
    }

    @Test
    void isEnabledStopsAtAnUnknownUnit() throws FactParseException {
        Map<String, String> states = SystemctlStateParser.parse(List.of("corosync", "drbd", "nonexistent-xyz", "ssh"),
                Fixture.local("systemctl_is_enabled.unknown_unit.txt"));

        assertThat(states).containsExactly(entry("corosync", "enabled"), entry("drbd", "disabled"));
    }

    @Test
    void readsIsActive() throws FactParseException {
        Map<String, String> states = SystemctlStateParser.parse(List.of("corosync", "pacemaker", "drbd", "open-iscsi"),
                Fixture.local("systemctl_is_active.documented.txt"));

        assertThat(states).containsExactly(
                entry("corosync", "active"), entry("pacemaker", "active"), entry("drbd", "inactive"), entry("open-iscsi", "failed"));
    }

    /**
     * The services section of discovery's script as it ran on the freshly installed VM lab guests
     * (fixtures/vmlab/HOST.fresh.discovery_facts.txt, units NodeDiscovery.SERVICES). Checked against
     * the same run's package list rather than against the capture's words: a unit whose package is
     * not installed is inactive, and sshd, the only one installed, is what Tandem logged in through.
     */
    @ParameterizedTest
    @ValueSource(strings = {"node1", "node2", "client"})
    void readsIsActiveAsDiscoveryRanItOnTheVmLabGuests(String host) throws FactParseException {
        Map<String, FactScript.Section> sections = FactScript.parse(Fixture.vmlab(host + ".fresh.discovery_facts.txt"), "fixture");
        Map<String, String> installed = DpkgQueryParser.parse(sections.get("dpkg").output());
        Map<String, String> packageOf = Map.of("corosync", "corosync", "pacemaker", "pacemaker", "drbd", "drbd-utils", "chrony", "chrony",
                "ssh", "openssh-server", "iscsid", "open-iscsi", "rtslib-fb-targetctl", "python3-rtslib-fb");

        Map<String, String> states = SystemctlStateParser.parse(NodeDiscovery.SERVICES, sections.get("services").output());

        assertThat(states.keySet()).containsExactlyElementsOf(NodeDiscovery.SERVICES);
        assertThat(packageOf.keySet()).containsExactlyInAnyOrderElementsOf(NodeDiscovery.SERVICES);
        states.forEach((unit, state) -> assertThat(state).as(unit)
                .isEqualTo(installed.containsKey(packageOf.get(unit)) ? "active" : "inactive"));
        assertThat(states).containsEntry("ssh", "active");
    }

    /**
     * node1 after the cluster packages were installed (HOST.installed.systemctl_is_*): which units
     * were asked was not recorded with the capture, so only what does not depend on their names is
     * checked: one known state word per unit in order, and an answer too many is refused.
     */
    @Test
    void readsTheVmLabsAnswersAfterInstallingThePackages() throws FactParseException {
        String active = Fixture.vmlab("node1.installed.systemctl_is_active.txt");
        String enabled = Fixture.vmlab("node1.installed.systemctl_is_enabled.txt");
        List<String> nine = List.of("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9");

        assertThat(SystemctlStateParser.parse(nine, active).values()).hasSize(9).allSatisfy(v -> assertThat(v).isIn("active", "inactive"))
                .contains("active", "inactive");
        assertThat(SystemctlStateParser.parse(nine, enabled).values()).as("eight answers in this capture")
                .hasSize(8).allSatisfy(v -> assertThat(v).isIn("enabled", "disabled"));
        assertThatThrownBy(() -> SystemctlStateParser.parse(nine.subList(0, 8), active))
                .isInstanceOf(FactParseException.class).hasMessage("systemctl: 9 answers for 8 units");
    }

    @Test
    void answersNothingWhereSystemdDoesNotRun() throws FactParseException {
        assertThat(SystemctlStateParser.parse(List.of("corosync", "pacemaker"), Fixture.local("systemctl_is_active.not_booted.txt")))
                .isEmpty();
    }

    @Test
    void refusesMoreAnswersThanUnitsAndErrorText() {
        assertThatThrownBy(() -> SystemctlStateParser.parse(List.of("ssh"), "active\nactive\n"))
                .isInstanceOf(FactParseException.class).hasMessage("systemctl: 2 answers for 1 units");
        assertThatThrownBy(() -> SystemctlStateParser.parse(List.of("ssh", "cron"),
                Fixture.local("systemctl_is_active.not_booted.stderr.txt")))
                .isInstanceOf(FactParseException.class).hasMessageStartingWith("systemctl: not a unit state");
    }

    @Test
    void buildsQuotedCommands() {
        assertThat(SystemctlStateParser.isActiveCommand(List.of("corosync", "pacemaker")))
                .isEqualTo("systemctl is-active -- corosync pacemaker");
        assertThat(SystemctlStateParser.isEnabledCommand(List.of("getty@tty1.service", "x y")))
                .isEqualTo("systemctl is-enabled -- getty@tty1.service 'x y'");
    }
}
