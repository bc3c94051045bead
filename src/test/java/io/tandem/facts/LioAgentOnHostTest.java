package io.tandem.facts;

import io.tandem.render.modern.LioAgentRenderer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery reads Tandem's agent where apply places it, and masking (which runs on every file read
 * from a host) leaves the agent's text as it is: it holds no secret, only the names of parameters
 * that do, so Review compares it with the shipped one line for line.
 */
class LioAgentOnHostTest {

    @Test
    void discoveryReadsTheInstalledAgentAndMaskingLeavesItUnchanged() {
        assertThat(HostFilesParser.looksAt(LioAgentRenderer.INSTALLED_PATH)).isTrue();
        String agent = LioAgentRenderer.agentScript();
        assertThat(agent).contains("incoming_password", "password_mutual");
        assertThat(SecretMasker.mask(LioAgentRenderer.INSTALLED_PATH, agent)).isEqualTo(agent);
    }

    @Test
    void theTgtMutualChapAgentLikewise() {
        String path = io.tandem.render.modern.TgtMutualChapAgentRenderer.INSTALLED_PATH;
        assertThat(HostFilesParser.looksAt(path)).isTrue();
        String agent = io.tandem.render.modern.TgtMutualChapAgentRenderer.agentScript();
        assertThat(agent).contains("--password=$OCF_RESKEY_password");
        assertThat(SecretMasker.mask(path, agent)).isEqualTo(agent);
    }
}
