package io.tandem.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code iscsiadm -m session -P 3} as the VM labs' client printed it (open-iscsi 2.1.8). */
class IscsiSessionDetailParserTest {

    @Test
    void theClientLoggedInWithBothLuns() throws FactParseException {
        IscsiSessionDetail s = IscsiSessionDetailParser.parse(Fixture.vmlab("client.on-node1.iscsiadm_session_P3.txt")).getFirst();

        assertThat(s).isEqualTo(new IscsiSessionDetail("iqn.2024-01.test.lab:store", "192.168.50.100:3260", 1, 1, "iqn.2024-01.test.lab:client",
                "LOGGED IN", "LOGGED_IN", 180, java.util.List.of(new IscsiSessionDetail.Disk(0, "sdb", "running"),
                new IscsiSessionDetail.Disk(1, "sda", "running"))));
        assertThat(s.loggedIn()).isTrue();
        assertThat(s.toString()).as("CHAP lines are skipped, not kept").doesNotContain("labclient", "****");
    }

    @Test
    void theReferenceLabsClientHadAShortReplacementTimeoutAndOneLun() throws FactParseException {
        IscsiSessionDetail healthy = IscsiSessionDetailParser.parse(Fixture.vmlab("client.healthy.iscsiadm_session_P3.txt")).getFirst();
        IscsiSessionDetail later = IscsiSessionDetailParser.parse(Fixture.vmlab("client.after-node1-loss.iscsiadm_session_P3.txt")).getFirst();

        assertThat(healthy.recoveryTimeoutSeconds()).isEqualTo(30);
        assertThat(later.recoveryTimeoutSeconds()).isEqualTo(300);
        assertThat(healthy.disks()).extracting(IscsiSessionDetail.Disk::lun).containsExactly(0);
    }

    @Test
    void itAgreesWithTheOneLineListingOfTheSameSession() throws FactParseException {
        IscsiSession line = IscsiSessionParser.parse(Fixture.vmlab("client.on-node2.iscsiadm_session.txt")).getFirst();
        IscsiSessionDetail detail = IscsiSessionDetailParser.parse(Fixture.vmlab("client.on-node2.iscsiadm_session_P3.txt")).getFirst();

        assertThat(detail.targetIqn()).isEqualTo(line.targetIqn());
        assertThat(detail.portal()).isEqualTo(line.portal());
        assertThat(detail.sessionId()).isEqualTo(line.sessionId());
    }

    @Test
    void noSessionIsNothingAndAnotherShapeIsRefused() throws FactParseException {
        assertThat(IscsiSessionDetailParser.parse("")).isEmpty();
        assertThat(IscsiSessionDetailParser.parse("iscsiadm: No active sessions.\n")).isEmpty();
        assertThatThrownBy(() -> IscsiSessionDetailParser.parse(Fixture.vmlab("client.on-node2.iscsiadm_session.txt")))
                .isInstanceOf(FactParseException.class).hasMessageContaining("expected 'Target:' first");
        assertThatThrownBy(() -> IscsiSessionDetailParser.parse("\tCurrent Portal: 10.0.0.1:3260,1\n"))
                .isInstanceOf(FactParseException.class).hasMessageContaining("a portal before any 'Target:' line");
    }
}
