package io.tandem.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code iptables -S INPUT} captured in private network namespaces (iptables 1.8.9): the rules that drop the portal port. */
class PortBlockRulesTest {

    @Test
    void debian12sStockPortblockLeavesItsRuleBehind() throws FactParseException {
        assertThat(PortBlockRules.parse(Fixture.local("iptables_S_INPUT.stock_portblock_after_unblock.txt"), 3260))
                .containsExactly(new PortBlockRules.Rule("-A INPUT -d 192.0.2.10/32 -p tcp -m multiport --dports 3260 -j DROP", "192.0.2.10"));
    }

    @Test
    void tandemsOwnRuleWithItsCommentIsFoundAndAnAcceptIsNot() throws FactParseException {
        var rules = PortBlockRules.parse(Fixture.local("iptables_S_INPUT.tandem_portblock_blocked.txt"), 3260);
        assertThat(rules).singleElement().satisfies(r -> {
            assertThat(r.destination()).isEqualTo("192.0.2.10");
            assertThat(r.deleteCommand()).isEqualTo("iptables -D INPUT -d 192.0.2.10/32 -p tcp -m multiport --dports 3260 -m comment "
                    + "--comment tandem-portblock -j DROP");
        });
        assertThat(PortBlockRules.parse(Fixture.local("iptables_S_INPUT.tandem_portblock_blocked.txt"), 22)).as("ACCEPT blocks nothing").isEmpty();
        assertThat(PortBlockRules.parse(Fixture.local("iptables_S_INPUT.tandem_portblock_blocked.txt"), 3261)).isEmpty();
        assertThat(PortBlockRules.parse(Fixture.local("iptables_S_INPUT.empty.txt"), 3260)).isEmpty();
    }

    /** Hand-written variants of the captured rule: a port list, a range, a REJECT, a single --dport, every address. */
    @Test
    void portListsRangesAndRejectsCount() throws FactParseException {
        assertThat(PortBlockRules.parse("-A INPUT -p tcp -m multiport --dports 22,3260 -j DROP\n", 3260)).singleElement()
                .extracting(PortBlockRules.Rule::destination).isNull();
        assertThat(PortBlockRules.parse("-A INPUT -p tcp -m multiport --dports 3000:4000 -j REJECT --reject-with tcp-reset\n", 3260)).hasSize(1);
        assertThat(PortBlockRules.parse("-A INPUT -p tcp -m tcp --dport 3260 -j DROP\n", 3260)).hasSize(1);
        assertThat(PortBlockRules.parse("-A INPUT -p udp -m udp --dport 3260 -j DROP\n", 3260)).isEmpty();
    }

    @Test
    void theNumericListingIsNotThisFormat() {
        assertThatThrownBy(() -> PortBlockRules.parse(Fixture.local("iptables_n_L_INPUT.stock_portblock_after_unblock.txt"), 3260))
                .isInstanceOf(FactParseException.class).hasMessageContaining("expected '-P', '-N' or '-A' rules");
    }
}
