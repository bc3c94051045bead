package io.tandem.verify;

import io.tandem.model.Initiator;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.Renderers;
import io.tandem.render.SecretNames;
import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.tandem.verify.RealToolChecksTest.replace;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier 1: the initiator's open-iscsi files read back as open-iscsi reads them, judged against the
 * project; the reader's rules and its list of settings checked against real iscsiadm records.
 */
class InitiatorFilesTest {

    private static final Path VMLAB = Path.of("src/test/resources/fixtures/vmlab");
    private static final Path LOCAL = Path.of("src/test/resources/fixtures/local");

    @Test
    void theKnownSettingsAreExactlyThoseOfOpenIscsisNodeAndDiscoveryRecords() throws IOException {
        List<String> node = IscsidConfReader.recordNames(Files.readString(VMLAB.resolve("client.on-node2.iscsiadm_node_show.txt")));
        List<String> discovery = IscsidConfReader.recordNames(Files.readString(LOCAL.resolve("iscsiadm_m_discoverydb.sendtargets.txt")));
        TreeSet<String> recorded = new TreeSet<>(node);
        recorded.addAll(discovery);
        recorded.removeIf(k -> k.startsWith("iface."));

        assertThat(new TreeSet<>(IscsidConfReader.KNOWN)).isEqualTo(recorded);
    }

    /**
     * Tandem's own VM lab: the client logged in with the iscsid.conf rendered from examples/vm-lab,
     * and iscsiadm printed the node record iscsid made from it. Every node setting the check expects
     * is in that record with that value (the secret is masked there, and the discovery settings live
     * in the discovery record): the reader's expectations are what the real initiator does.
     */
    @Test
    void theRealInitiatorsRecordHoldsEverySettingTheCheckExpects() throws IOException {
        Project lab = Examples.read(Examples.VM_LAB);
        Initiator client = lab.managedInitiators().getFirst();
        Map<String, String> record = IscsidConfReader.read(Files.readString(VMLAB.resolve("client.on-node2.iscsiadm_node_show.txt")));
        // The record was captured when the lab's project had one-way CHAP (it has mutual CHAP since Tandem's LIO agent).
        io.tandem.model.Chap oneWay = new io.tandem.model.Chap(lab.chap().incoming(), null, lab.chap().discovery());
        // And with open-iscsi's login_timeout of 15 s (the project's is 5 s since the failover measurements).
        var t = client.timeouts();
        var then = new io.tandem.model.InitiatorTimeouts(t.replacementTimeout(), 15, t.logoutTimeout(), t.noopOutInterval(),
                t.noopOutTimeout(), t.abortTimeout(), t.luResetTimeout(), t.initialLoginRetryMax());
        Map<String, Object> expected = OpenIscsiFilesCheck.expected(oneWay, then, client.session());

        int compared = 0;
        for (var e : expected.entrySet()) {
            if (e.getKey().startsWith("discovery.") || e.getKey().endsWith("password")) {
                continue;
            }
            String inRecord = record.get(e.getKey());
            assertThat(inRecord).as(e.getKey()).isEqualTo(e.getValue() == null ? "<empty>" : e.getValue().toString());
            compared++;
        }
        assertThat(compared).isEqualTo(22);
        assertThat(record.get("node.session.auth.password")).isEqualTo("********");
    }

    @Test
    void theReaderFollowsOpenIscsisRules() {
        Map<String, String> read = IscsidConfReader.read("""
                # node.startup = manual
                node.startup = manual
                   node.session.cmds_max=64
                node.session.queue_depth   =   16  \t
                node.startup = automatic
                """);
        assertThat(read).containsExactly(Map.entry("node.session.cmds_max", "64"), Map.entry("node.session.queue_depth", "16"),
                Map.entry("node.startup", "automatic"));
    }

    @Test
    void everyRenderedFilePassesAndSaysWhatTheProjectSays() {
        for (Project project : List.of(Examples.modern(), Examples.seed(), mutualAndDiscoveryChap())) {
            List<CheckResult> results = new OpenIscsiFilesCheck().run(project, Renderers.render(project), Path.of("."));
            assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS));
        }
    }

    @Test
    void swappedCredentialsAWrongTimeoutAndAnUnknownKeyFailWithoutShowingASecret() {
        Project project = mutualAndDiscoveryChap();
        FileSet files = Renderers.render(project);
        String incoming = project.chap().incoming().secret().reveal();
        String outgoing = project.chap().outgoing().secret().reveal();
        String in = "\u0001" + SecretNames.CHAP_INCOMING + "\u0002";
        String out = "\u0001" + SecretNames.CHAP_OUTGOING + "\u0002";
        FileSet swapped = replace(files, "client", OpenIscsiFilesCheck.ISCSID_CONF, c -> c
                .replace(in, "@@").replace(out, in).replace("@@", out)
                .replace("node.session.timeo.replacement_timeout = 180", "node.session.timeo.replacement_timeout = 120")
                .replace("node.session.cmds_max", "node.session.cmd_max"));

        CheckResult result = new OpenIscsiFilesCheck().run(project, swapped, Path.of(".")).getFirst();

        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(result.detail()).contains("node.session.cmd_max is not an open-iscsi setting",
                "node.session.auth.password is not the project's incoming CHAP secret (the initiator's)",
                "node.session.auth.password_in is not the project's mutual CHAP secret (the target's)",
                "node.session.timeo.replacement_timeout: read 120, the project says 180",
                "node.session.cmds_max: read nothing, the project says 128");
        assertThat(result.detail()).doesNotContain(incoming).doesNotContain(outgoing);
    }

    @Test
    void aMissingOrForeignInitiatorNameFails() {
        Project project = Examples.modern();
        FileSet other = replace(Renderers.render(project), "client", OpenIscsiFilesCheck.INITIATOR_NAME,
                c -> "## written by hand\nInitiatorName=iqn.1993-08.org.debian:01:abcdef\n");
        CheckResult result = new OpenIscsiFilesCheck().run(project, other, Path.of(".")).get(1);
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(result.detail()).isEqualTo("InitiatorName iqn.1993-08.org.debian:01:abcdef, the project (and the target's ACL) says "
                + "iqn.2024-01.test.lab:client");
        assertThat(OpenIscsiFilesCheck.initiatorNameDifferences(project.managedInitiators().getFirst(), "# nothing\n"))
                .containsExactly("no InitiatorName= line");
    }

    /** The modern example with mutual CHAP and discovery CHAP. */
    static Project mutualAndDiscoveryChap() {
        try {
            return JsonEdit.of(Examples.MODERN)
                    .set("$.chap.outgoing", Map.of("user", "target-mutual", "secret", "Tq8mW3vX6zK2pN9r"))
                    .set("$.chap.discovery", Map.of("user", "discovery", "secret", "Dz4kR7nP2wQ9sV5m"))
                    .project();
        } catch (io.tandem.model.ProjectFileException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }
}
