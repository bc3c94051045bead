package io.tandem.render.modern;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.Placement;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretBook;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.PacemakerLayout.Nvpair;
import io.tandem.render.modern.PacemakerLayout.Primitive;
import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import io.tandem.testing.Variants;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Implementation lio: one ocf:tandem:LioTarget resource in place of iSCSITarget + iSCSILogicalUnit, and the agent on every node. */
class LioTargetLayoutTest {

    private static List<Primitive> group(Project project) {
        return PacemakerLayoutBuilder.build(project, new SecretBook()).group().members();
    }

    private static Map<String, String> params(Primitive p) {
        return p.params().stream().collect(Collectors.toMap(Nvpair::name, Nvpair::value));
    }

    @Test
    void lioIsOneResourceWithEveryLunAclAndChapUser() {
        Project project = Variants.withMutualAndDiscoveryChap();
        List<Primitive> group = group(project);
        // No port block pair: LioTarget enables its portal only after every LUN (PacemakerLayoutBuilder.usesPortblock),
        // and the virtual IP comes up after it, on a portal that answers.
        assertThat(group).extracting(Primitive::id).containsExactly("p_target", "p_vip");
        Primitive target = group.get(0);
        assertThat(target.agent()).isEqualTo("ocf:tandem:LioTarget");
        assertThat(target.ops()).extracting(PacemakerLayout.Op::name, PacemakerLayout.Op::interval, PacemakerLayout.Op::timeout)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("monitor", "10s", "120s"));
        Map<String, String> p = params(target);
        assertThat(p).containsEntry("iqn", "iqn.2024-01.test.lab:store").containsEntry("portals", "192.168.50.100:3260")
                .containsEntry("luns", "0:/dev/drbd0:5a7c00000001:tandem-r0 1:/dev/drbd1:5a7c00000002:tandem-r1")
                .containsEntry("allowed_initiators", "iqn.2024-01.test.lab:client")
                .containsEntry("incoming_username", "labclient").containsEntry("outgoing_username", "labtarget")
                .containsEntry("discovery_username", "labfinder")
                .doesNotContainKeys("implementation", "additional_parameters", "discovery_outgoing_username");
        assertThat(p.get("session_parameters")).startsWith("MaxConnections=1 InitialR2T=Yes").endsWith("DataDigest=None");
        // Secrets only as references: the CIB resolves them, pcs-commands.sh sets them through cibadmin's stdin.
        for (String secret : List.of("incoming_password", "outgoing_password", "discovery_password")) {
            assertThat(SecretBook.mentionsSecret(p.get(secret))).as(secret).isTrue();
        }
    }

    @Test
    void theStockAgentsKeepTheirTargetAndOneResourcePerLun() {
        assertThat(group(Variants.lioTStockAgents())).extracting(Primitive::id, Primitive::agent).containsExactly(
                org.assertj.core.groups.Tuple.tuple("p_block", "ocf:tandem:portblock"),
                org.assertj.core.groups.Tuple.tuple("p_vip", VirtualIpAgentRenderer.AGENT),
                org.assertj.core.groups.Tuple.tuple("p_target", "ocf:heartbeat:iSCSITarget"),
                org.assertj.core.groups.Tuple.tuple("p_lun0", "ocf:heartbeat:iSCSILogicalUnit"),
                org.assertj.core.groups.Tuple.tuple("p_lun1", "ocf:heartbeat:iSCSILogicalUnit"),
                org.assertj.core.groups.Tuple.tuple("p_unblock", "ocf:tandem:portblock"));
    }

    @Test
    void aLunWithoutSerialOrProductIdLeavesTheirFieldsOut() throws Exception {
        Project noProduct = JsonEdit.of(Examples.MODERN).remove("$.target.luns[0].productId").project();
        assertThat(LioTargetParameters.lunSpec(noProduct, noProduct.target().luns().get(0))).isEqualTo("0:/dev/drbd0:5a7c00000001");
        Project bare = JsonEdit.of(Examples.MODERN).remove("$.target.luns[1].serial")
                .remove("$.target.luns[1].productId").project();
        assertThat(LioTargetParameters.lunSpec(bare, bare.target().luns().get(1))).isEqualTo("1:/dev/drbd1");
        Project productOnly = JsonEdit.of(Examples.MODERN).remove("$.target.luns[1].serial").project();
        assertThat(LioTargetParameters.lunSpec(productOnly, productOnly.target().luns().get(1))).isEqualTo("1:/dev/drbd1::tandem-r1");
    }

    @Test
    void theAgentIsPlacedOnEveryNodeOnlyForLio() {
        FileSet lio = Renderers.render(Examples.modern());
        List<RenderedFile> agents = lio.files().stream().filter(f -> f.path().equals(LioAgentRenderer.INSTALLED_PATH)).toList();
        assertThat(agents).extracting(RenderedFile::host).containsExactly("node1", "node2");
        assertThat(agents).allSatisfy(f -> {
            assertThat(f.mode()).isEqualTo(0755);
            assertThat(f.placement()).isEqualTo(Placement.WHOLE_FILE);
            assertThat(lio.text(f, SecretPolicy.REVEAL)).isEqualTo(LioAgentRenderer.agentScript()).startsWith("#!/bin/sh\n");
        });
        assertThat(Renderers.render(Variants.lioTStockAgents()).files()).extracting(RenderedFile::path)
                .doesNotContain(LioAgentRenderer.INSTALLED_PATH);
    }

    @Test
    void pcsScriptSetsTheMutualAndDiscoverySecretsOnlyThroughCibadmin() {
        Project project = Variants.withMutualAndDiscoveryChap();
        FileSet files = Renderers.render(project);
        String script = files.text(files.find(RenderedFile.CLUSTER, PcsScriptRenderer.PATH).orElseThrow(), SecretPolicy.REVEAL);
        String create = script.lines().filter(l -> l.contains("resource create p_target")).findFirst().orElseThrow();
        assertThat(create).contains("outgoing_password=SET-BELOW", "discovery_password=SET-BELOW", "incoming_password=SET-BELOW")
                .doesNotContain(project.chap().outgoing().secret().reveal()).doesNotContain(project.chap().discovery().secret().reveal());
        assertThat(script).contains("<nvpair id=\"p_target-instance_attributes-outgoing_password\" name=\"outgoing_password\" value=\""
                + project.chap().outgoing().secret().reveal() + "\"/>");
    }
}
