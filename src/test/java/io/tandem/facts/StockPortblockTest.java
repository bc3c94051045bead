package io.tandem.facts;

import io.tandem.discovery.FactScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether the stock portblock is the broken one, on the VM lab's real package versions and on versions with the fixes. */
class StockPortblockTest {

    private static final String SENTENCE = "The stock portblock of resource-agents 1:4.12.0-2 never unblocks with iptables 1.8.9-2"
            + " (it looks for \"tcp\" where iptables prints \"6\"); Tandem installs its own ocf:tandem:portblock.";

    /** Fresh Debian 12 guests: neither package installed yet, apt's candidates are the broken pair. */
    @ParameterizedTest
    @ValueSource(strings = {"node1", "node2"})
    void aFreshDebian12NodeIsAffectedByWhatAptWouldInstall(String host) throws FactParseException {
        Map<String, FactScript.Section> sections = FactScript.parse(Fixture.vmlab(host + ".fresh.discovery_facts.txt"), "fixture");
        Map<String, String> installed = DpkgQueryParser.parse(sections.get("dpkg").output());
        Map<String, AptPolicy> candidates = AptPolicyParser.parse(sections.get("apt-policy").output());
        assertThat(installed).doesNotContainKeys("resource-agents", "iptables");

        assertThat(StockPortblock.problem(installed, candidates)).contains(SENTENCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"node1.installed.dpkg_query_W.txt", "node1.static.dpkg_query_W.txt"})
    void theVmLabNodesWithTheClusterInstalledAreAffected(String fixture) throws FactParseException {
        Map<String, String> installed = DpkgQueryParser.parse(Fixture.vmlab(fixture));

        assertThat(StockPortblock.problem(installed, Map.of())).contains(SENTENCE);
    }

    @Test
    void aFixedAgentAFixedIptablesOrAnUnknownVersionIsNotAffected() {
        assertThat(StockPortblock.problem(Map.of("resource-agents", "1:4.14.0-1", "iptables", "1.8.9-2"), Map.of())).isEmpty();
        assertThat(StockPortblock.problem(Map.of("resource-agents", "1:4.16.0-3", "iptables", "1.8.11-2"), Map.of())).isEmpty();
        assertThat(StockPortblock.problem(Map.of("resource-agents", "1:4.12.0-2", "iptables", "1.8.10-3ubuntu2"), Map.of())).isEmpty();
        assertThat(StockPortblock.problem(Map.of("resource-agents", "1:4.7.0-1", "iptables", "1.8.7-1"), Map.of())).isEmpty();
        assertThat(StockPortblock.problem(Map.of("resource-agents", "1:4.12.0-2"), Map.of())).isEmpty();
        assertThat(StockPortblock.problem(Map.of("iptables", "1.8.9-2"), Map.of("resource-agents", new AptPolicy(null, null)))).isEmpty();
        // Installed wins over the candidate.
        assertThat(StockPortblock.problem(Map.of("resource-agents", "1:4.12.0-2", "iptables", "1.8.10-1"),
                Map.of("iptables", new AptPolicy("1.8.10-1", "1.8.9-2")))).isEmpty();
        // Fedora 39 / an Ubuntu-style revision of the broken pair.
        assertThat(StockPortblock.problem(Map.of("resource-agents", "4.13.0-1ubuntu1", "iptables", "1.8.9-5ubuntu1"), Map.of())).isPresent();
    }

    @Test
    void upstreamVersionsDropTheEpochAndTheRevisionAndCompareByNumber() {
        assertThat(StockPortblock.upstream("1:4.12.0-2")).isEqualTo("4.12.0");
        assertThat(StockPortblock.upstream("1.8.9-2+deb12u1")).isEqualTo("1.8.9");
        assertThat(StockPortblock.upstream("4.14.0")).isEqualTo("4.14.0");
        assertThat(StockPortblock.compareUpstream("4.12.0", "4.14")).isNegative();
        assertThat(StockPortblock.compareUpstream("4.9.0", "4.14")).isNegative();
        assertThat(StockPortblock.compareUpstream("4.14.0+git20240501", "4.14")).isZero();
        assertThat(StockPortblock.compareUpstream("5.0", "4.14")).isPositive();
    }
}
