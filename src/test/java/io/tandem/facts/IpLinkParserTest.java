package io.tandem.facts;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpLinkParserTest {

    private static Map<String, NetLink> byName(List<NetLink> links) {
        return links.stream().collect(Collectors.toMap(NetLink::name, Function.identity()));
    }

    @Test
    void readsNode1WithItsBondAndTheReplicationNic() throws FactParseException {
        List<NetLink> links = IpLinkParser.parse(Fixture.vmlab("node1.healthy.ip_j_link.txt"));

        assertThat(links).extracting(NetLink::name).containsExactly("lo", "eth0", "eth1", "eth2", "bond0");
        Map<String, NetLink> link = byName(links);
        assertThat(link.get("lo").isLoopback()).isTrue();
        assertThat(link.get("eth0")).satisfies(eth0 -> {
            assertThat(eth0.index()).isEqualTo(2);
            assertThat(eth0.master()).isEqualTo("bond0");
            assertThat(eth0.mac()).isEqualTo("52:54:00:50:01:00");
            assertThat(eth0.permanentMac()).isNull();
            assertThat(eth0.mtu()).isEqualTo(1500);
            assertThat(eth0.operState()).isEqualTo("UP");
            assertThat(eth0.carrier()).isTrue();
            assertThat(eth0.isLoopback()).isFalse();
            assertThat(eth0.linkKind()).as("plain 'ip -j link' has no linkinfo").isNull();
        });
        assertThat(link.get("eth1").mac()).as("a bond gives its slaves its own address").isEqualTo("52:54:00:50:01:00");
        assertThat(link.get("eth1").permanentMac()).isEqualTo("52:54:00:50:01:01");
        assertThat(link.get("eth2").master()).isNull();
        assertThat(link.get("bond0").flags()).contains("MASTER");
    }

    @Test
    void seesTheUnpluggedCableOfEth0() throws FactParseException {
        NetLink eth0 = byName(IpLinkParser.parse(Fixture.vmlab("node1.eth0-link-down.ip_j_link.txt"))).get("eth0");

        assertThat(eth0.carrier()).isFalse();
        assertThat(eth0.isUp()).as("still administratively up").isTrue();
        assertThat(eth0.operState()).isEqualTo("DOWN");
        assertThat(eth0.flags()).contains("NO-CARRIER");
    }

    @Test
    void readsTheClientsSingleNic() throws FactParseException {
        assertThat(IpLinkParser.parse(Fixture.vmlab("client.healthy.ip_j_link.txt")))
                .extracting(NetLink::name, NetLink::mac, NetLink::master)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("lo", "00:00:00:00:00:00", null),
                        org.assertj.core.groups.Tuple.tuple("eth0", "52:54:00:50:00:20", null));
    }

    @Test
    void readsLinkKindsFromDetailedOutput() throws FactParseException {
        Map<String, NetLink> link = byName(IpLinkParser.parse(Fixture.local("ip_j_d_link.netns_veth_bridge.txt")));

        assertThat(link.get("br0").linkKind()).isEqualTo("bridge");
        assertThat(link.get("veth0").linkKind()).isEqualTo("veth");
        assertThat(link.get("veth0").slaveKind()).isEqualTo("bridge");
        assertThat(link.get("veth0").master()).isEqualTo("br0");
        assertThat(link.get("veth1").slaveKind()).isNull();
        assertThat(link.get("lo").linkKind()).isNull();
    }

    @Test
    void refusesOutputThatIsNotALinkList() {
        assertThatThrownBy(() -> IpLinkParser.parse("Object \"link\" is unknown, try \"ip help\"."))
                .isInstanceOf(FactParseException.class).hasMessageStartingWith("ip -j link: not JSON");
        assertThatThrownBy(() -> IpLinkParser.parse("{\"ifname\": \"eth0\"}"))
                .isInstanceOf(FactParseException.class).hasMessage("ip -j link: expected an array of links");
        assertThatThrownBy(() -> IpLinkParser.parse("[{\"ifname\": \"eth0\", \"ifindex\": \"two\", \"mtu\": 1500}]"))
                .isInstanceOf(FactParseException.class).hasMessageContaining("'ifindex' is not a whole number");
        assertThatThrownBy(() -> IpLinkParser.parse("[{\"ifindex\": 1}]")).isInstanceOf(FactParseException.class);
    }
}
