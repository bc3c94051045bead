package io.tandem.facts;

import org.junit.jupiter.api.Test;

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
