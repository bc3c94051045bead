package io.tandem.verify;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier 1: what ifquery prints and the systemd-networkd files netplan generates, read back (captured with the real tools). */
class NetworkReadingTest {

    private static final Path LOCAL = Path.of("src/test/resources/fixtures/local");

    @Test
    void ifqueryOptionsBecomeAnInterfaceWithItsBond() throws IOException {
        InterfaceReading bond0 = IfupdownCheck.reading("bond0", Files.readString(LOCAL.resolve("ifquery.bond0.txt")));

        assertThat(bond0.addresses()).containsExactly("10.20.30.11/24");
        assertThat(bond0.gateway()).isEqualTo("10.20.30.1");
        assertThat(bond0.bond()).isEqualTo(new InterfaceReading.Bond("active-backup", 100, 300, 100, "ens3", List.of("ens3", "ens4"),
                null, List.of()));
        assertThat(bond0.routes()).isEmpty();
    }

    @Test
    void aPlainInterfaceHasNoBond() {
        InterfaceReading eth0 = IfupdownCheck.reading("eth0", "address: 10.0.0.5\nnetmask: 255.255.0.0\n");
        assertThat(eth0.addresses()).containsExactly("10.0.0.5/16");
        assertThat(eth0.bond()).isNull();
        assertThat(eth0.gateway()).isNull();
    }

    @Test
    void netmasksBecomePrefixLengths() {
        assertThat(IfupdownCheck.prefixLength("255.255.255.0")).isEqualTo(24);
        assertThat(IfupdownCheck.prefixLength("255.255.255.252")).isEqualTo(30);
        assertThat(IfupdownCheck.prefixLength("255.0.255.0")).isEqualTo(-1);
        assertThat(IfupdownCheck.prefixLength(null)).isEqualTo(-1);
    }

    @Test
    void networkdFilesAreJoinedIntoBondsWithTheirSlaves() throws IOException {
        var read = NetplanCheck.readNetworkd(LOCAL.resolve("netplan_generate.bond_and_plain"));

        assertThat(read.get("bond0")).isEqualTo(new InterfaceReading("bond0", List.of("10.20.30.11/24"), "10.20.30.1", List.of(),
                new InterfaceReading.Bond("802.3ad", 100, 300, 100, "ens3", List.of("ens3", "ens4"), null, List.of())));
        assertThat(read.get("ens5")).isEqualTo(new InterfaceReading("ens5", List.of("172.16.5.11/24"), null, List.of(), null));
        assertThat(read.get("ens4").bond()).isNull();
    }

    @Test
    void ifqueryShowsTheFallbackRouteAndTheArpMonitor() throws IOException {
        InterfaceReading bond0 = IfupdownCheck.reading("bond0", Files.readString(LOCAL.resolve("ifquery.bond0_fallback_route.txt")));
        InterfaceReading bond1 = IfupdownCheck.reading("bond1", Files.readString(LOCAL.resolve("ifquery.bond1_arp.txt")));

        assertThat(bond0.routes()).containsExactly("172.16.5.0/24 via 10.20.30.12 metric 100");
        assertThat(bond0.gateway()).isEqualTo("10.20.30.1");
        assertThat(bond1.routes()).isEmpty();
        assertThat(bond1.bond()).isEqualTo(new InterfaceReading.Bond("active-backup", null, null, null, "ens5", List.of("ens5", "ens6"),
                100, List.of("172.16.5.12")));
    }

    @Test
    void onlyRouteCommandsWithAGatewayAreRoutes() {
        assertThat(IfupdownCheck.route("ip route add 10.9.0.0/16 via 10.0.0.1")).contains("10.9.0.0/16 via 10.0.0.1 metric 0");
        assertThat(IfupdownCheck.route("ip route replace 10.9.0.0/16 via 10.0.0.1 dev bond0 metric 7 onlink")).contains("10.9.0.0/16 via 10.0.0.1 metric 7");
        assertThat(IfupdownCheck.route("ip link set bond0 mtu 9000")).isEmpty();
        assertThat(IfupdownCheck.route("ip route del 10.9.0.0/16 via 10.0.0.1")).isEmpty();
    }

    @Test
    void networkdFilesOfTheFallbackGiveTheRouteAndTheArpMonitor() throws IOException {
        var read = NetplanCheck.readNetworkd(LOCAL.resolve("netplan_generate.fallback"));

        assertThat(read.get("bond0").routes()).containsExactly("172.16.5.0/24 via 10.20.30.12 metric 100");
        assertThat(read.get("bond0").gateway()).isEqualTo("10.20.30.1");
        assertThat(read.get("bond1")).isEqualTo(new InterfaceReading("bond1", List.of("172.16.5.11/24"), null, List.of(),
                new InterfaceReading.Bond("active-backup", null, null, null, "ens5", List.of("ens5", "ens6"), 100, List.of("172.16.5.12"))));
    }

    @Test
    void systemdTimeSpansInMilliseconds() {
        assertThat(SystemdUnitFile.milliseconds("200ms")).isEqualTo(200);
        assertThat(SystemdUnitFile.milliseconds("1s 500ms")).isEqualTo(1500);
        assertThat(SystemdUnitFile.milliseconds("2")).isEqualTo(2000);
        assertThat(SystemdUnitFile.milliseconds("1min")).isEqualTo(60_000);
        assertThat(SystemdUnitFile.milliseconds("soon")).isNull();
        assertThat(SystemdUnitFile.milliseconds("")).isNull();
    }

    @Test
    void systemdUnitSectionsMayRepeatAndTheLastAssignmentWins() {
        SystemdUnitFile unit = SystemdUnitFile.parse("""
                [Network]
                Address=10.0.0.1/24
                # a comment
                Address=10.0.0.2/24
                [Route]
                Gateway=10.0.0.254
                [Route]
                Destination=10.9.0.0/16
                Gateway=10.0.0.253
                """);
        assertThat(unit.all("Route")).hasSize(2);
        assertThat(unit.value("Network", "Address")).contains("10.0.0.2/24");
        assertThat(unit.all("Network").getFirst().values("Address")).containsExactly("10.0.0.1/24", "10.0.0.2/24");
    }
}
