package io.tandem.verify;

import io.tandem.render.modern.PacemakerLayout.Nvpair;
import io.tandem.render.modern.PacemakerLayout.Primitive;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier 1: agent metadata and sbd's dump read without the tools (their shape as fence-agents 4.12 and sbd 1.5 print it). */
class AgentMetadataTest {

    private static final String AGENT = """
            <?xml version="1.0" ?>
            <resource-agent name="fence_example" shortdesc="Example">
            <parameters>
            \t<parameter name="action" unique="0" required="1"><content type="string" default="reboot"  /></parameter>
            \t<parameter name="devices" unique="0" required="1"><content type="string"  /></parameter>
            \t<parameter name="method" unique="0" required="0"><content type="select" default="cycle"  >
            \t\t<option value="onoff" /><option value="cycle" /></content></parameter>
            \t<parameter name="login" unique="0" required="0" deprecated="1"><content type="string"  /></parameter>
            \t<parameter name="lanplus" unique="0" required="0"><content type="boolean" default="0"  /></parameter>
            </parameters>
            </resource-agent>
            """;
    private static final String FENCER = """
            <?xml version="1.0"?>
            <resource-agent name="pacemaker-fenced" version="2.1.5"><parameters>
            <parameter name="pcmk_host_list"><content type="string" default=""/></parameter>
            <parameter name="pcmk_delay_max"><content type="time" default="0s"/></parameter>
            </parameters></resource-agent>
            """;

    @Test
    void parametersTheirTypesAndFlagsAreRead() {
        AgentMetadata agent = AgentMetadata.parse(AGENT);
        assertThat(agent.agent()).isEqualTo("fence_example");
        assertThat(agent.parameter("method").orElseThrow().options()).containsExactly("onoff", "cycle");
        assertThat(agent.parameter("login").orElseThrow().deprecated()).isTrue();
        assertThat(agent.parameter("devices").orElseThrow().required()).isTrue();
        assertThat(agent.parameter("nope")).isEmpty();
    }

    @Test
    void judgingNamesUnknownDeprecatedMistypedAndMissingParameters() {
        Primitive p = new Primitive("f", "stonith:fence_example", List.of(new Nvpair("devices", "/dev/x"), new Nvpair("method", "cycle"),
                new Nvpair("lanplus", "1"), new Nvpair("pcmk_host_list", "node1"), new Nvpair("pcmk_delay_max", "15s")), List.of());
        assertThat(FenceAgentCheck.judge(p, AgentMetadata.parse(AGENT), AgentMetadata.parse(FENCER))).isEmpty();
        Primitive bad = new Primitive("f", "stonith:fence_example", List.of(new Nvpair("method", "off"), new Nvpair("login", "root"),
                new Nvpair("colour", "red")), List.of());
        assertThat(FenceAgentCheck.judge(bad, AgentMetadata.parse(AGENT), AgentMetadata.parse(FENCER))).containsExactly(
                "method: 'off' is not one of onoff, cycle", "login is deprecated in fence_example",
                "colour is not a parameter of fence_example", "fence_example requires devices");
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> AgentMetadata.parse("<cib/>")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<cib>");
        assertThatThrownBy(() -> AgentMetadata.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><resource-agent>&e;</resource-agent>"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sbdDumpTimeoutsAreRead() {
        String dump = """
                ==Dumping header on disk /dev/loop4
                Header version     : 2.1
                Number of slots    : 255
                Sector size        : 512
                Timeout (watchdog) : 5
                Timeout (allocate) : 2
                Timeout (loop)     : 1
                Timeout (msgwait)  : 10
                ==Header on disk /dev/loop4 is dumped
                """;
        assertThat(SbdHeaderCheck.timeouts(dump)).isEqualTo(Map.of("watchdog", 5, "msgwait", 10));
    }
}
