package io.tandem.verify;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretNames;
import io.tandem.render.modern.PcsScriptRenderer;
import io.tandem.testing.Examples;
import io.tandem.testing.RealTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.tandem.verify.RealToolChecksTest.replace;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * pcs-commands.sh against cib.xml. Tier 1: the normalisation on a CIB that pcs really built from the
 * modern-lio script (only legitimate differences go away), and crm_diff's output read back. Tier 2:
 * the script run with pcs and compared by crm_diff.
 */
class PcsScriptEquivalenceTest {

    private static final Path LOCAL = Path.of("src/test/resources/fixtures/local");
    private static final String PLACEHOLDER = "Abcdefgh12345";

    /** The fixture was built by pcs from the stock-agent script (iSCSITarget + iSCSILogicalUnit), so its CIB is that variant's. */
    private static String goldenCib() throws IOException {
        return Files.readString(Path.of("src/test/resources/golden/modern-lio-t-stock-agents/cluster/cib.xml"))
                .replace("&lt;redacted:chap-incoming-secret&gt;", PLACEHOLDER);
    }

    /**
     * What pcs built from the stock-agent script, captured before the portblock resources and the
     * virtual IP and the DRBD clones moved to Tandem's own agents, before the DRBD clones lost their notifications and before the first monitors
     * waited, the load throttle moved and failures expired: those are the differences since, made here as pcs makes them
     * (tier 2 below runs today's script).
     */
    private static String builtByPcs() throws IOException {
        return Files.readString(LOCAL.resolve("pcs_f_result.modern-lio.xml"))
                .replace("type=\"portblock\" provider=\"heartbeat\"", "type=\"portblock\" provider=\"tandem\"")
                .replace("type=\"IPaddr2\" provider=\"heartbeat\"", "type=\"VirtualIp\" provider=\"tandem\"")
                .replaceAll("(?m)^ *<op name=\"notify\"[^\n]*\n", "")
                .replaceAll("(?m)^ *<nvpair id=\"drbd_r\\d-clone-meta_attributes-notify\"[^\n]*\n", "")
                .replace("type=\"drbd\" provider=\"linbit\"", "type=\"Drbd84\" provider=\"tandem\"")
                .replaceAll("(?m)^( *)<nvpair id=\"(drbd_r(\\d))-instance_attributes-drbd_resource\"[^\n]*\n",
                        "$0$1<nvpair id=\"$2-instance_attributes-minor\" name=\"minor\" value=\"$3\"/>\n"
                                + "$1<nvpair id=\"$2-instance_attributes-ignore_missing_notifications\" name=\"ignore_missing_notifications\" value=\"true\"/>\n")
                // and before the first monitors waited (every monitor but the group's last member's)
                .replaceAll("(<op name=\"monitor\" [^>]*)( id=\"(?!p_unblock)[^\"]*\"/>)", "$1 start-delay=\"20s\"$2")
                .replaceAll("(?m)^( *)<nvpair id=\"cib-bootstrap-options-no-quorum-policy\"[^\n]*\n",
                        "$0$1<nvpair id=\"cib-bootstrap-options-load-threshold\" name=\"load-threshold\" value=\"1000%\"/>\n"
                                + "$1<nvpair id=\"cib-bootstrap-options-node-action-limit\" name=\"node-action-limit\" value=\"16\"/>\n")
                .replaceAll("(?m)^( *)<nvpair id=\"rsc_defaults-meta_attributes-resource-stickiness\"[^\n]*\n",
                        "$0$1<nvpair id=\"rsc_defaults-meta_attributes-failure-timeout\" name=\"failure-timeout\" value=\"120s\"/>\n");
    }

    @Test
    void whatPcsBuiltFromTheScriptNormalisesToTheRenderedCib() throws IOException {
        String built = builtByPcs();
        assertThat(built).isNotEqualTo(goldenCib());
        assertThat(CibNormalizer.normalize(built)).isEqualTo(CibNormalizer.normalize(goldenCib()));
    }

    @Test
    void normalisingKeepsEveryRealDifference() throws IOException {
        String built = builtByPcs();
        String rendered = CibNormalizer.normalize(goldenCib());
        List<String> changed = new ArrayList<>(List.of(
                built.replaceFirst("(?m)^ *<rsc_colocation [^\n]*id=\"col_g_iscsi_with_drbd_r1-clone\"[^\n]*\n", ""),
                built.replace("name=\"cidr_netmask\" value=\"24\"", "name=\"cidr_netmask\" value=\"16\""),
                built.replace("name=\"cidr_netmask\"", "name=\"cidr_netmsk\""),
                built.replace("first-action=\"promote\" then-action=\"start\"", "first-action=\"start\" then-action=\"start\""),
                built.replace("role=\"Promoted\" start-delay=\"20s\" id=\"drbd_r0-monitor-interval-29s\"",
                        "role=\"Unpromoted\" start-delay=\"20s\" id=\"drbd_r0-monitor-interval-29s\""),
                built.replace("start-delay=\"20s\" id=\"p_vip-monitor-interval-10s\"", "id=\"p_vip-monitor-interval-10s\""),
                built.replace("score=\"100\"", "score=\"50\""),
                built.replace("name=\"resource-stickiness\" value=\"100\"", "name=\"resource-stickiness\" value=\"0\""),
                built.replace("rsc=\"g_iscsi\" with-rsc=\"drbd_r0-clone\"", "rsc=\"g_iscsi\" with-rsc=\"drbd_r1-clone\"")));
        // The group's start order is its members' order: p_vip before p_block is another configuration.
        int block = built.indexOf("<primitive id=\"p_block\"");
        int vip = built.indexOf("<primitive id=\"p_vip\"");
        int target = built.indexOf("<primitive id=\"p_target\"");
        changed.add(built.substring(0, block) + built.substring(vip, target) + built.substring(block, vip) + built.substring(target));
        for (String other : changed) {
            assertThat(other).isNotEqualTo(built);
            assertThat(CibNormalizer.normalize(other)).isNotEqualTo(rendered);
        }
    }

    @Test
    void crmDiffsChangesAreListedWithoutTheirValues() throws IOException {
        List<String> changes = PcsScriptCheck.changes(Files.readString(LOCAL.resolve("crm_diff_no_version.three_changes.txt")));
        assertThat(changes).hasSize(4);
        assertThat(changes.get(1)).isEqualTo("modify /cib/configuration/resources/group[@id='g_iscsi']/primitive[@id='p_vip']"
                + "/instance_attributes[@id='p_vip-instance_attributes']/nvpair[@id='p_vip-instance_attributes-cidr_netmask'] [value]");
        assertThat(changes.get(3)).isEqualTo("create /cib/configuration/constraints [<rsc_colocation id=col_g_iscsi_with_drbd_r1-clone>]");
        assertThat(String.join("\n", changes)).doesNotContain("3260").doesNotContain("\"24\"");
    }

    @Test
    void aScriptLackingAConstraintOrSayingOtherwiseFailsAndNamesWhat(@TempDir Path work) {
        RealTools.requirePcs();
        Project project = Examples.modern();
        FileSet files = replace(Renderers.render(project), RenderedFile.CLUSTER, PcsScriptRenderer.PATH, c -> c
                .replaceFirst("(?m)^pcs [^\n]* id=col_drbd_r1-clone_promoted_with_drbd_r0-clone\n", "")
                .replace("cidr_netmask=24", "cidr_netmask=16")
                .replace("resource-stickiness=100", "resource-stickiness=0"));
        CheckResult result = single(new PcsScriptCheck().run(project, files, work));
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(result.detail()).startsWith("builds another configuration than cluster/cib.xml; what turns its result into cib.xml: ")
                .contains("create /cib/configuration/constraints [<rsc_colocation id=col_drbd_r1-clone_promoted_with_drbd_r0-clone>]",
                        "/primitive[@id='p_vip']/instance_attributes[@id='p_vip-instance_attributes']"
                                + "/nvpair[@id='p_vip-instance_attributes-cidr_netmask'] [value]",
                        "/rsc_defaults/meta_attributes[@id='rsc_defaults-meta_attributes']"
                                + "/nvpair[@id='rsc_defaults-meta_attributes-resource-stickiness'] [value]")
                .doesNotContain(project.chap().incoming().secret().reveal());
    }

    /**
     * pcs-commands.sh keeps passwords off every command line: it creates them as SET-BELOW and writes them into the
     * CIB file through cibadmin's stdin at the end. That step really runs on the same CIB file: without it the
     * result differs from cib.xml at the password, and the detail names the parameter, never the secret.
     */
    @Test
    void thePasswordsWrittenThroughCibadminsStdinAreWhatMakesTheScriptEqualToTheCib(@TempDir Path work) {
        RealTools.requirePcs();
        Project project = Examples.modern();
        FileSet files = replace(Renderers.render(project), RenderedFile.CLUSTER, PcsScriptRenderer.PATH,
                c -> c.replace("cibadmin --modify --xml-pipe", "cat >/dev/null"));
        assertThat(files.find(RenderedFile.CLUSTER, PcsScriptRenderer.PATH).orElseThrow().content()).doesNotContain("cibadmin --modify");

        CheckResult result = single(new PcsScriptCheck().run(project, files, work));

        assertThat(result.outcome()).as(result.describe()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(result.detail()).contains("incoming_password").doesNotContain(project.chap().incoming().secret().reveal());
    }

    /** The sandbox has no network: pcs can reach neither pcsd nor a cluster, and says so instead of changing one. */
    @Test
    void aCommandThatNeedsARunningClusterFailsInsideTheSandbox(@TempDir Path work) {
        RealTools.requirePcs();
        Project project = Examples.modern();
        FileSet files = replace(Renderers.render(project), RenderedFile.CLUSTER, PcsScriptRenderer.PATH,
                c -> c.replace("set -eu\n", "set -eu\npcs status\n"));
        CheckResult result = single(new PcsScriptCheck().run(project, files, work));
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(result.detail()).startsWith("the script exit ");
    }

    private static CheckResult single(List<CheckResult> results) {
        assertThat(results).hasSize(1);
        return results.getFirst();
    }
}
