package io.tandem.facts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IscsiSessionParserTest {

    @Test
    void readsTheClientsSessionCapturedInTheVmLab() throws FactParseException {
        List<IscsiSession> sessions = IscsiSessionParser.parse(Fixture.vmlab("client.on-node2.iscsiadm_session.txt"));

        assertThat(sessions).containsExactly(new IscsiSession("tcp", 1, "192.168.50.100:3260", 1, "iqn.2024-01.test.lab:store"));
    }

    /** Written by hand in iscsiadm's format: open-iscsi before 2.1 (no flash marker), IPv6 portals, iscsiadm's "none" line. */
    @Test
    void readsOlderLinesIpv6PortalsAndNoSessions() throws FactParseException {
        assertThat(IscsiSessionParser.parse("""
                tcp: [3] 10.0.0.5:3260,1 iqn.2003-01.org.example:disk1
                tcp: [4] [fd00::5]:3261,2 iqn.2003-01.org.example:disk2 (non-flash)
                """)).extracting(IscsiSession::sessionId, IscsiSession::portal, IscsiSession::portalGroupTag, IscsiSession::targetIqn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "10.0.0.5:3260", 1, "iqn.2003-01.org.example:disk1"),
                        org.assertj.core.groups.Tuple.tuple(4, "[fd00::5]:3261", 2, "iqn.2003-01.org.example:disk2"));
        assertThat(IscsiSessionParser.parse("iscsiadm: No active sessions.\n")).isEmpty();
        assertThat(IscsiSessionParser.parse("")).isEmpty();
    }

    @Test
    void aLineThatIsNoSessionIsAnErrorNotAGuess() {
        assertThatThrownBy(() -> IscsiSessionParser.parse("tcp: [1] 192.168.50.100:3260,1 iqn.2024-01.test.lab:store (non-flash)\n"
                + "Target: iqn.2024-01.test.lab:store (non-flash)\n"))
                .isInstanceOf(FactParseException.class).hasMessageContaining("iscsiadm -m session").hasMessageContaining("Target:");
        assertThatThrownBy(() -> IscsiSessionParser.parse("tcp: [1] 192.168.50.100,1 iqn.2024-01.test.lab:store\n"))
                .isInstanceOf(FactParseException.class);
    }
}
