package io.tandem.facts;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PingParserTest {

    private static PingResult captured(String name) throws FactParseException {
        return PingParser.parse(Fixture.local("ping_n_c1_W1." + name + ".txt"), Integer.parseInt(Fixture.local("ping_n_c1_W1." + name + ".rc").strip()));
    }

    @Test
    void aReplyGivesItsRoundTripTime() throws FactParseException {
        assertThat(captured("reply")).isEqualTo(PingResult.reply(0.058));
        assertThat(captured("reply_again")).isEqualTo(PingResult.reply(0.054));
    }

    @Test
    void noReplyWithinTheWait() throws FactParseException {
        for (String name : List.of("ignored", "noarp", "peerdown")) {
            PingResult r = captured(name);
            assertThat(r.outcome()).as(name).isEqualTo(PingResult.Outcome.NO_REPLY);
            assertThat(r.rttMillis()).isNull();
        }
    }

    @Test
    void theNodesOwnLinkDownIsAnError() throws FactParseException {
        assertThat(captured("localdown")).isEqualTo(PingResult.error("connect: Network is unreachable"));
    }

    @Test
    void anUnreachableHostSaysWhoSaidSo() throws FactParseException {
        // iputils' wording for an ICMP error (not captured: netem and iptables are not on the capture machine).
        String out = "PING 10.0.0.9 (10.0.0.9) 56(84) bytes of data.\nFrom 10.0.0.1 icmp_seq=1 Destination Host Unreachable\n\n"
                + "--- 10.0.0.9 ping statistics ---\n1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n\n";
        assertThat(PingParser.parse(out, 1)).isEqualTo(PingResult.noReply("Destination Host Unreachable (said 10.0.0.1)"));
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> PingParser.parse("Usage: ping [options] <destination>\n", 2)).isInstanceOf(FactParseException.class)
                .hasMessageStartingWith("ping: exit 2");
    }

    @Test
    void peerPingsOfOneFactAreToldApart() throws FactParseException {
        List<String> names = List.of("client", "replication");
        Map<String, PingResult> both = PeerPings.parse(Fixture.local("peer_pings.both_reply.txt"), names);
        assertThat(both).containsEntry("client", PingResult.reply(0.065)).containsEntry("replication", PingResult.reply(0.034));
        Map<String, PingResult> peerDown = PeerPings.parse(Fixture.local("peer_pings.replication_peer_down.txt"), names);
        assertThat(peerDown.get("client").replied()).isTrue();
        assertThat(peerDown.get("replication").outcome()).isEqualTo(PingResult.Outcome.NO_REPLY);
        Map<String, PingResult> linkDown = PeerPings.parse(Fixture.local("peer_pings.replication_link_down.txt"), names);
        assertThat(linkDown.get("replication")).isEqualTo(PingResult.error("connect: Network is unreachable"));
        assertThat(linkDown.get("client")).isEqualTo(PingResult.reply(0.045));
        assertThat(PeerPings.parse(Fixture.local("peer_pings.no_ping_installed.txt"), names).values())
                .containsOnly(PingResult.notRun("ping is not installed (package iputils-ping)"));
        assertThat(PeerPings.parse("client PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n", names))
                .containsEntry("client", PingResult.notRun("the ping did not finish"));
    }

    @Test
    void theCommandQuotesTheAddressAndRefusesOddNames() {
        String command = PeerPings.command(new java.util.LinkedHashMap<>(Map.of("client", "10.0.0.2; reboot")));
        assertThat(command).contains("-- '10.0.0.2; reboot' 2>&1").endsWith("wait");
        assertThatThrownBy(() -> PeerPings.command(Map.of("Client net", "10.0.0.2"))).isInstanceOf(IllegalArgumentException.class);
    }
}
