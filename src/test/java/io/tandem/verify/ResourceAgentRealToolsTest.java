package io.tandem.verify;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.modern.CibRenderer;
import io.tandem.render.modern.Drbd84AgentRenderer;
import io.tandem.testing.Examples;
import io.tandem.testing.RealTools;
import io.tandem.testing.Variants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.tandem.verify.RealToolChecksTest.replace;
import static org.assertj.core.api.Assertions.assertThat;

/** Tier 2: every OCF resource's parameters in the CIB file judged by the installed agent's metadata. */
class ResourceAgentRealToolsTest {

    @BeforeEach
    void tools() {
        RealTools.requireResourceAgents();
    }

    @Test
    void everyResourceOfLioAndTgtProjectsPasses(@TempDir Path work) {
        for (Project project : List.of(Variants.lioTStockAgents(), Variants.drbd9UbuntuTgtStonith())) {
            List<CheckResult> results = new ResourceAgentCheck().run(project, Renderers.render(project), work.resolve(project.target().implementation().name()));
            assertThat(results).extracting(CheckResult::subject).contains("cluster/cib.xml drbd_r0 (" + Drbd84AgentRenderer.agentFor(project) + ")",
                    "cluster/cib.xml p_block (ocf:tandem:portblock)", "cluster/cib.xml p_vip (ocf:tandem:VirtualIp)",
                    "cluster/cib.xml p_target (ocf:heartbeat:iSCSITarget)", "cluster/cib.xml p_unblock (ocf:tandem:portblock)");
            boolean mutual = project.chap().outgoing() != null;
            assertThat(project.target().implementation() == io.tandem.model.TargetImplementation.TGT).as("tgt with mutual CHAP").isEqualTo(mutual);
            if (mutual) {
                assertThat(results).extracting(CheckResult::subject).contains("cluster/cib.xml p_mutual_chap (ocf:tandem:TgtMutualChap)");
            }
            assertThat(results).hasSize(5 + project.target().luns().size() + 1 + (mutual ? 1 : 0))
                    .allSatisfy(r -> assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS));
        }
    }

    /** Tandem's agent is judged by its own meta-data (the bundled script, run with sh), not by an installed copy. */
    @Test
    void tandemsLioAgentIsJudgedByItsOwnMetadata(@TempDir Path work) {
        Project project = Variants.withMutualAndDiscoveryChap();
        List<CheckResult> results = new ResourceAgentCheck().run(project, Renderers.render(project), work);
        assertThat(results).extracting(CheckResult::subject).contains("cluster/cib.xml p_target (ocf:tandem:LioTarget)")
                .doesNotContain("cluster/cib.xml p_lun0 (ocf:heartbeat:iSCSILogicalUnit)");
        assertThat(results).hasSize(4).allSatisfy(r -> assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS)); // two DRBD, VirtualIp, LioTarget (no port block pair with LioTarget)
        assertThat(results).filteredOn(r -> r.subject().contains("LioTarget")).singleElement()
                .satisfies(r -> assertThat(r.detail()).isEqualTo("11 parameters declared by the agent Tandem installs"));

        FileSet wrong = replace(Renderers.render(project), RenderedFile.CLUSTER, CibRenderer.PATH, c -> c
                .replace("name=\"outgoing_username\"", "name=\"outgoing_user\"")
                .replace("name=\"luns\"", "name=\"lunz\""));
        List<CheckResult> failed = new ResourceAgentCheck().run(project, wrong, work.resolve("wrong")).stream()
                .filter(r -> r.outcome() == CheckResult.Outcome.FAIL).toList();
        assertThat(failed).singleElement().satisfies(r -> {
            assertThat(r.subject()).isEqualTo("cluster/cib.xml p_target (ocf:tandem:LioTarget)");
            assertThat(r.detail()).contains("outgoing_user is not a parameter of LioTarget", "lunz is not a parameter of LioTarget",
                    "LioTarget requires luns");
        });
    }

    @Test
    void aMisspeltAMissingAndAMistypedParameterFail(@TempDir Path work) {
        Project project = Variants.lioTStockAgents();
        FileSet wrong = replace(Renderers.render(project), RenderedFile.CLUSTER, CibRenderer.PATH, c -> c
                .replace("name=\"cidr_netmask\"", "name=\"cidr_netmsk\"")
                .replace("<nvpair id=\"p_lun1-instance_attributes-path\" name=\"path\" value=\"/dev/drbd1\"/>", "")
                .replace("name=\"lun\" value=\"0\"", "name=\"lun\" value=\"zero\""));
        List<CheckResult> failed = new ResourceAgentCheck().run(project, wrong, work).stream()
                .filter(r -> r.outcome() == CheckResult.Outcome.FAIL).toList();
        assertThat(failed).extracting(CheckResult::subject, CheckResult::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cluster/cib.xml p_vip (ocf:tandem:VirtualIp)", "cidr_netmsk is not a parameter of VirtualIp; VirtualIp requires cidr_netmask"),
                org.assertj.core.groups.Tuple.tuple("cluster/cib.xml p_lun0 (ocf:heartbeat:iSCSILogicalUnit)", "lun: 'zero' is not a number"),
                org.assertj.core.groups.Tuple.tuple("cluster/cib.xml p_lun1 (ocf:heartbeat:iSCSILogicalUnit)", "iSCSILogicalUnit requires path"));
    }

    @Test
    void aFenceParameterMisspeltInTheCibFileIsCaught(@TempDir Path work) {
        RealTools.requireFenceAgents();
        Project project = Variants.virsh();
        FileSet wrong = replace(Renderers.render(project), RenderedFile.CLUSTER, CibRenderer.PATH,
                c -> c.replace("name=\"plug\"", "name=\"plugg\""));
        List<CheckResult> results = new FenceAgentCheck().run(project, wrong, work);
        assertThat(results).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(CheckResult.Outcome.FAIL))
                .allSatisfy(r -> assertThat(r.detail()).startsWith("plugg is not a parameter of fence_virsh"));
    }
}
