package io.tandem.monitor;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The home screen's session lines, from {@code iscsiadm -m session} as captured on the VM lab's client. */
class StatusReadSessionsTest {

    @Test
    void aCapturedSessionBecomesOneSentenceAndGarbleIsSaidNotHidden() throws IOException {
        String captured;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/vmlab/client.on-node2.iscsiadm_session.txt")) {
            captured = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(StatusRead.sessions("client", captured))
                .containsExactly("client is logged in to iqn.2024-01.test.lab:store via 192.168.50.100:3260");
        assertThat(StatusRead.sessions("client", "")).isEmpty();
        assertThat(StatusRead.sessions("client", "something else\n")).singleElement().asString()
                .startsWith("client: its iSCSI sessions could not be read");
    }
}
