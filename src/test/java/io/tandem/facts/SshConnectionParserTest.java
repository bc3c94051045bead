package io.tandem.facts;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshConnectionParserTest {

    @Test
    void readsARealIpv4Session() throws FactParseException {
        assertThat(SshConnectionParser.parse(Fixture.local("ssh_connection.ipv4.txt")))
                .isEqualTo(new SshConnection("127.0.0.1", 39652, "127.0.0.1", 22922));
    }

    @Test
    void readsARealIpv6Session() throws FactParseException {
        assertThat(SshConnectionParser.parse(Fixture.local("ssh_connection.ipv6.txt")))
                .isEqualTo(new SshConnection("::1", 52976, "::1", 22922));
    }

    @Test
    void findsTheInterfaceThatCarriesTheServerAddress() throws FactParseException {
        Map<String, List<IfAddress>> node2 = IpAddrParser.parse(Fixture.vmlab("node2.healthy.ip_j_addr.txt"));

        assertThat(SshConnectionParser.interfaceCarrying("192.168.50.12", node2)).contains("bond0");
        assertThat(SshConnectionParser.interfaceCarrying("192.168.50.100", node2)).as("the floating address").contains("bond0");
        assertThat(SshConnectionParser.interfaceCarrying("192.168.60.12", node2)).contains("eth2");
        assertThat(SshConnectionParser.interfaceCarrying("::ffff:192.168.60.12", node2)).contains("eth2");
        assertThat(SshConnectionParser.interfaceCarrying("FE80::5054:FF:FE60:200%eth2", node2)).contains("eth2");
        assertThat(SshConnectionParser.interfaceCarrying("10.0.0.1", node2)).isEmpty();

        String server = SshConnectionParser.parse(Fixture.local("ssh_connection.ipv6.txt")).serverAddress();
        assertThat(SshConnectionParser.interfaceCarrying(server, node2)).contains("lo");
    }

    @Test
    void refusesAnEmptyVariableAndOtherText() {
        assertThatThrownBy(() -> SshConnectionParser.parse("\n")).isInstanceOf(FactParseException.class)
                .hasMessage("$SSH_CONNECTION: empty: not run in an SSH session");
        assertThatThrownBy(() -> SshConnectionParser.parse("10.0.0.1 50000 10.0.0.2")).isInstanceOf(FactParseException.class);
        assertThatThrownBy(() -> SshConnectionParser.parse("10.0.0.1 50000 10.0.0.2 99999")).isInstanceOf(FactParseException.class)
                .hasMessage("$SSH_CONNECTION: not a port: 99999");
        assertThatThrownBy(() -> SshConnectionParser.parse("a;b 1 c 2")).isInstanceOf(FactParseException.class);
    }
}
