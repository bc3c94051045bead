package io.tandem.facts;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpAddrParserTest {

    @Test
    void readsNode2WithTheFloatingAddressAsSecondary() throws FactParseException {
        Map<String, List<IfAddress>> addresses = IpAddrParser.parse(Fixture.vmlab("node2.healthy.ip_j_addr.txt"));

        assertThat(addresses).containsOnlyKeys("lo", "eth0", "eth1", "eth2", "bond0");
        assertThat(addresses.get("eth0")).as("bond slaves carry no address").isEmpty();
        assertThat(addresses.get("bond0")).extracting(IfAddress::cidr)
                .containsExactly("192.168.50.12/24", "192.168.50.100/24", "fe80::5054:ff:fe50:200/64");
        assertThat(addresses.get("bond0")).filteredOn(IfAddress::secondary).extracting(IfAddress::address)
                .containsExactly("192.168.50.100");
        assertThat(addresses.get("eth2")).filteredOn(a -> a.family() == IfAddress.Family.IPV4)
                .extracting(IfAddress::cidr).containsExactly("192.168.60.12/24");
        assertThat(addresses.get("eth2")).filteredOn(a -> a.family() == IfAddress.Family.IPV6)
                .extracting(IfAddress::scope).containsExactly("link");
    }

    @Test
    void readsNode1WithoutTheFloatingAddress() throws FactParseException {
        Map<String, List<IfAddress>> addresses = IpAddrParser.parse(Fixture.vmlab("node1.healthy.ip_j_addr.txt"));

        assertThat(addresses.get("bond0")).filteredOn(a -> a.family() == IfAddress.Family.IPV4)
                .extracting(IfAddress::cidr).containsExactly("192.168.50.11/24");
        assertThat(addresses.get("lo")).extracting(IfAddress::cidr).containsExactly("127.0.0.1/8", "::1/128");
    }

    @Test
    void readsAGlobalIpv6Address() throws FactParseException {
        Map<String, List<IfAddress>> addresses = IpAddrParser.parse(Fixture.local("ip_j_addr.netns_veth_bridge.txt"));

        assertThat(addresses.get("veth1")).extracting(IfAddress::cidr)
                .containsExactly("10.99.0.2/24", "fd00:99::2/64", "fe80::1428:e7ff:fe6e:437c/64");
        assertThat(addresses.get("br0").getFirst().cidr()).isEqualTo("10.99.0.1/24");
    }

    @Test
    void refusesOutputThatIsNotAnAddressList() {
        assertThatThrownBy(() -> IpAddrParser.parse("")).isInstanceOf(FactParseException.class).hasMessage("ip -j addr: empty output");
        assertThatThrownBy(() -> IpAddrParser.parse("[1, 2]")).isInstanceOf(FactParseException.class);
        assertThatThrownBy(() -> IpAddrParser.parse("[{\"ifname\":\"lo\",\"addr_info\":[{\"family\":\"inet\",\"local\":\"127.0.0.1\"}]}]"))
                .isInstanceOf(FactParseException.class).hasMessageContaining("prefixlen");
    }
}
