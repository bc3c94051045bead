package io.tandem.facts;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DpkgQueryParserTest {

    @Test
    void readsThePlainListFromTheLab() throws FactParseException {
        Map<String, String> installed = DpkgQueryParser.parse(Fixture.vmlab("node1.static.dpkg_query_W.txt"));

        assertThat(installed).hasSize(332)
                .containsEntry("drbd-utils", "9.22.0-1")
                .containsEntry("pacemaker", "2.1.5-1+deb12u1")
                .containsEntry("corosync", "3.1.7-1+deb12u2")
                .containsEntry("targetcli-fb", "1:2.1.53-1.1")
                .containsEntry("gcc-12-base:amd64", "12.2.0-14+deb12u1");
    }

    @Test
    void leavesOutPackagesRemovedWithTheirConfigurationKept() throws FactParseException {
        Map<String, String> installed = DpkgQueryParser.parse(Fixture.local("dpkg_query_W_status.txt"));

        assertThat(installed).hasSize(806)
                .containsEntry("drbd-utils", "9.22.0-1")
                .containsEntry("chrony", "4.3-2+deb12u3")
                .doesNotContainKey("systemd-timesyncd");
    }

    @Test
    void thePlainFormCannotTellRemovedFromInstalled() throws FactParseException {
        assertThat(DpkgQueryParser.parse(Fixture.local("dpkg_query_W.with_removed.txt")))
                .as("systemd-timesyncd is 'rc' on this machine, yet plain -W prints its version")
                .containsEntry("systemd-timesyncd", "252.38-1~deb12u1");
    }

    @Test
    void countsHeldPackagesAsInstalled() throws FactParseException {
        assertThat(DpkgQueryParser.parse("drbd-utils\t9.22.0-1\thi \nfoo\t\tun \n")).containsOnlyKeys("drbd-utils");
    }

    @Test
    void refusesLinesWithoutTabs() {
        assertThatThrownBy(() -> DpkgQueryParser.parse("dpkg-query: no packages found matching drbd-utils\n"))
                .isInstanceOf(FactParseException.class)
                .hasMessageStartingWith("dpkg-query -W: expected 'package TAB version [TAB status]'");
    }
}
