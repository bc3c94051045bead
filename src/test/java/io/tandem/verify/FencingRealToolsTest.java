package io.tandem.verify;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.Renderers;
import io.tandem.render.modern.PacemakerLayout.Nvpair;
import io.tandem.render.modern.PacemakerLayout.Op;
import io.tandem.render.modern.PacemakerLayout.Primitive;
import io.tandem.testing.Examples;
import io.tandem.testing.RealTools;
import io.tandem.testing.Variants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier 2, fencing: the installed fence agents' metadata, crm_verify with each agent, and sbd's own header on a loop device. */
class FencingRealToolsTest {

    @Test
    void everyFencingTypePassesCrmVerifyAndTheAgentsMetadata(@TempDir Path work) {
        RealTools.requireTier2();
        // The IPMI example names a cipher suite (the lab's BMCs need it): one more parameter the agent must declare.
        for (Project project : List.of(Variants.sbd(), Variants.virsh(), Variants.drbd9UbuntuTgtStonith(), Examples.read(Examples.VM_LAB_IPMI))) {
            FileSet files = Renderers.render(project);
            List<CheckResult> results = new java.util.ArrayList<>(new FenceAgentCheck().run(project, files, work));
            results.addAll(new PacemakerCheck().run(project, files, work.resolve(project.cluster().stonith().type().agent())));
            assertThat(results).as(project.cluster().stonith().type().agent()).hasSizeGreaterThanOrEqualTo(4)
                    .allSatisfy(r -> assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS));
        }
    }

    @Test
    void aParameterTheAgentDoesNotDeclareIsCaught(@TempDir Path work) throws IOException {
        RealTools.requireFenceAgents();
        AgentMetadata virsh = metadata(List.of("fence_virsh", "-o", "metadata"), work);
        AgentMetadata fencer = metadata(List.of(FenceAgentCheck.FENCER.getFirst(), "metadata"), work);
        Primitive misspelt = primitive("fence_virsh", new Nvpair("ip", "192.168.50.1"), new Nvpair("usernme", "root"),
                new Nvpair("plug", "vm1"), new Nvpair("pcmk_host_list", "node1"));
        assertThat(FenceAgentCheck.judge(misspelt, virsh, fencer)).contains("usernme is not a parameter of fence_virsh",
                "fence_virsh requires username");
        Primitive deprecated = primitive("fence_virsh", new Nvpair("ip", "192.168.50.1"), new Nvpair("login", "root"),
                new Nvpair("username", "root"), new Nvpair("plug", "vm1"));
        assertThat(FenceAgentCheck.judge(deprecated, virsh, fencer)).containsExactly("login is deprecated in fence_virsh");

        AgentMetadata ipmi = metadata(List.of("fence_ipmilan", "-o", "metadata"), work);
        Primitive badValue = primitive("fence_ipmilan", new Nvpair("ip", "10.0.0.1"), new Nvpair("lanplus", "maybe"),
                new Nvpair("pcmk_delay_max", "soon"));
        assertThat(FenceAgentCheck.judge(badValue, ipmi, fencer)).containsExactly("lanplus: 'maybe' is not a boolean",
                "pcmk_delay_max: 'soon' is not a time");

        AgentMetadata sbd = metadata(List.of("fence_sbd", "-o", "metadata"), work);
        assertThat(FenceAgentCheck.judge(primitive("fence_sbd"), sbd, fencer)).containsExactly("fence_sbd requires devices");
    }

    @Test
    void sbdWritesAndReadsBackTheRenderedTimeouts(@TempDir Path work) {
        RealTools.requireSbdOnLoopDevice();
        Project project = Variants.sbd();
        List<CheckResult> results = new SbdHeaderCheck().run(project, Renderers.render(project), work);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS);
            assertThat(r.detail()).contains("watchdog 5 s", "msgwait 10 s");
        });
    }

    @Test
    void anSbdConfigThatDisagreesWithTheHeaderIsCaught(@TempDir Path work) {
        RealTools.requireSbdOnLoopDevice();
        Project project = Variants.sbd();
        FileSet drifted = RealToolChecksTest.replace(Renderers.render(project), "node2", "/etc/default/sbd",
                c -> c.replace("SBD_WATCHDOG_TIMEOUT=5", "SBD_WATCHDOG_TIMEOUT=7"));
        CheckResult result = new SbdHeaderCheck().run(project, drifted, work).getFirst();
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(result.detail()).contains("node2/etc/default/sbd disagrees with the header's watchdog timeout");
    }

    private static Primitive primitive(String agent, Nvpair... params) {
        return new Primitive("fence_test", "stonith:" + agent, List.of(params), List.of(new Op("monitor", "60s", "60s", null)));
    }

    private static AgentMetadata metadata(List<String> command, Path work) throws IOException {
        var out = LocalCommand.run(command, Map.of(), work, Duration.ofSeconds(30));
        assertThat(out.exitCode()).as(out.stderr()).isZero();
        return AgentMetadata.parse(out.stdout());
    }
}
