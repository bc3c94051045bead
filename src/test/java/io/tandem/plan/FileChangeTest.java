package io.tandem.plan;

import io.tandem.facts.HostFiles;
import io.tandem.facts.HostFilesParser;
import io.tandem.model.DemoProject;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import io.tandem.text.LineDiff;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Rendered files against the host's as discovered: new, changed, unchanged, unknown; secrets compared without showing them. */
class FileChangeTest {

    private final FileSet set = Renderers.render(DemoProject.withFreshSecrets());

    private RenderedFile file(String host, String path) {
        return set.find(host, path).orElseThrow();
    }

    private static HostFiles host(String path, String content) throws Exception {
        var b64 = Base64.getEncoder();
        return HostFilesParser.parse("@@FILE present " + content.length() + " " + b64.encodeToString(path.getBytes(StandardCharsets.UTF_8))
                + "\n" + b64.encodeToString(content.getBytes(StandardCharsets.UTF_8)) + "\n");
    }

    @Test
    void aFileNotOnTheHostIsNewAndAllItsLinesAreAdded() throws Exception {
        FileChange change = FileChange.against(set, file("node1", "/etc/corosync/corosync.conf"), host("/etc/hosts", "x\n"));

        assertThat(change.status()).isEqualTo(FileChange.Status.NEW);
        assertThat(change.label()).isEqualTo("new");
        assertThat(change.diff()).hasValueSatisfying(d -> assertThat(d.removed()).isZero());
        assertThat(change.after()).contains("two_node: 1");
    }

    @Test
    void theStockHostsFileGetsTheBlockAppended() throws Exception {
        String stock = "127.0.0.1\tlocalhost\n127.0.1.1\tnode1.test.lab\tnode1\n";
        FileChange change = FileChange.against(set, file("node1", "/etc/hosts"), host("/etc/hosts", stock));

        assertThat(change.status()).isEqualTo(FileChange.Status.CHANGED);
        assertThat(change.before()).isEqualTo(stock);
        assertThat(change.after()).startsWith(stock).contains("# BEGIN TANDEM MANAGED BLOCK");
        assertThat(change.diff().orElseThrow().removed()).isZero();
        assertThat(change.label()).matches("changed \\(\\+\\d+ \u22120\\)");
    }

    @Test
    void theSameFileIsUnchanged() throws Exception {
        RenderedFile corosync = file("node1", "/etc/corosync/corosync.conf");
        FileChange change = FileChange.against(set, corosync, host(corosync.path(), set.text(corosync, SecretPolicy.REVEAL)));

        assertThat(change.status()).isEqualTo(FileChange.Status.UNCHANGED);
        assertThat(change.diff().orElseThrow().identical()).isTrue();
    }

    @Test
    void aSecretOnlyDifferenceIsAChangedLineMaskedOnBothSides() throws Exception {
        RenderedFile res = set.files().stream().filter(f -> f.path().endsWith(".res")).findFirst().orElseThrow();
        String real = set.text(res, SecretPolicy.REVEAL);
        Matcher secret = Pattern.compile("shared-secret \"([^\"]+)\"").matcher(real);
        assertThat(secret.find()).isTrue();
        String onHost = real.replace(secret.group(1), "Another-Secret-1");

        FileChange same = FileChange.against(set, res, host(res.path(), real));
        FileChange differs = FileChange.against(set, res, host(res.path(), onHost));

        assertThat(same.status()).isEqualTo(FileChange.Status.UNCHANGED);
        assertThat(differs.status()).isEqualTo(FileChange.Status.CHANGED);
        LineDiff diff = differs.diff().orElseThrow();
        assertThat(diff.lines()).filteredOn(l -> l.kind() != LineDiff.Kind.SAME).extracting(LineDiff.Line::text)
                .hasSize(2).allSatisfy(t -> assertThat(t).matches("\\s*shared-secret \"\\{masked:[0-9a-f]{6}}\";"));
        for (FileChange change : new FileChange[] {same, differs}) {
            assertThat(change.before() + change.after()).doesNotContain(secret.group(1), "Another-Secret-1", "redacted");
        }
    }

    @Test
    void iscsidSettingsAreMergedIntoTheStockFileWithTheChapPasswordMasked() throws Exception {
        String stock = "node.startup = manual\n#node.session.auth.password = password\nnode.session.iscsi.FastAbort = Yes\n";
        RenderedFile iscsid = file("client", "/etc/iscsi/iscsid.conf");

        FileChange change = FileChange.against(set, iscsid, host(iscsid.path(), stock));

        assertThat(change.status()).isEqualTo(FileChange.Status.CHANGED);
        assertThat(change.after()).startsWith("node.startup = automatic\n#node.session.auth.password = {masked:")
                .containsPattern("\nnode.session.auth.password = \\{masked:[0-9a-f]{6}}\n");
        assertThat(change.after()).doesNotContain(set.text(iscsid, SecretPolicy.REVEAL).lines()
                .filter(l -> l.startsWith("node.session.auth.password")).findFirst().orElseThrow().substring(30));
    }

    @Test
    void withoutAHostReadingThereIsNothingToCompare() throws Exception {
        RenderedFile hosts = file("node1", "/etc/hosts");

        assertThat(FileChange.against(set, hosts, HostFiles.UNKNOWN).status()).isEqualTo(FileChange.Status.UNKNOWN);
        assertThat(FileChange.against(set, hosts, HostFilesParser.parse("@@FILE too-large 999999 " + Base64.getEncoder()
                .encodeToString("/etc/hosts".getBytes(StandardCharsets.UTF_8)) + "\n")).reason()).contains("too large");
        assertThat(FileChange.unknown(hosts, "node1 not discovered").label()).isEqualTo("unknown");
    }
}
