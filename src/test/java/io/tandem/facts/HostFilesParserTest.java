package io.tandem.facts;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The file listing's parser: states, masking at the point of parsing, no content in messages or
 * toString. (The listing made by a real shell on hostile files: discovery's HostFilesScriptTest;
 * captured from a lab node: the fixture test below.)
 */
class HostFilesParserTest {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void everyStateIsReadAndSecretsAreMaskedAsTheyAreParsed() throws Exception {
        String output = "@@FILE present 43 " + b64("/etc/iscsi/iscsid.conf") + "\n"
                + b64("node.session.auth.password = Sup3r-s3cret!\n") + "\n"
                + "@@FILE absent 0 " + b64("/etc/drbd.conf") + "\n"
                + "@@FILE too-large 300000 " + b64("/etc/hosts") + "\n"
                + "@@FILE binary 256 " + b64("/etc/corosync/authkey") + "\n"
                + "@@FILE unreadable 0 " + b64("/etc/fstab") + "\n"
                + "@@FILE not-a-file 0 " + b64("/etc/network/interfaces.d/old") + "\n";

        HostFiles files = HostFilesParser.parse(output);

        assertThat(files.file("/etc/iscsi/iscsid.conf")).hasValueSatisfying(f -> {
            assertThat(f.state()).isEqualTo(HostFile.State.PRESENT);
            assertThat(f.content()).isEqualTo("node.session.auth.password = " + SecretMasker.token("Sup3r-s3cret!") + "\n");
        });
        assertThat(files.file("/etc/drbd.conf")).map(HostFile::state).contains(HostFile.State.ABSENT);
        assertThat(files.file("/etc/hosts")).map(HostFile::state).contains(HostFile.State.TOO_LARGE);
        assertThat(files.file("/etc/corosync/authkey")).map(HostFile::state).contains(HostFile.State.BINARY);
        assertThat(files.file("/etc/fstab")).map(HostFile::state).contains(HostFile.State.UNREADABLE);
        assertThat(files.file("/etc/network/interfaces.d/old")).map(HostFile::state).contains(HostFile.State.NOT_A_FILE);
        assertThat(files.toString()).isEqualTo("HostFiles[6 listed, 1 read]");
        assertThat(files.file("/etc/iscsi/iscsid.conf").orElseThrow().toString()).doesNotContain("masked", "password");
    }

    @Test
    void aPathLookedAtButNotListedIsAbsentAndOneNeverLookedAtIsUnknown() throws Exception {
        HostFiles files = HostFilesParser.parse("");

        assertThat(files.file("/etc/drbd.d/r0.res")).map(HostFile::state).contains(HostFile.State.ABSENT);
        assertThat(files.file("/etc/network/interfaces.d/bond0")).map(HostFile::state).contains(HostFile.State.ABSENT);
        assertThat(files.file("/etc/netplan/60-tandem.yaml")).map(HostFile::state).contains(HostFile.State.ABSENT);
        assertThat(files.file("/srv/data/iscsi/ietd.conf")).isEmpty();
        assertThat(files.file("/etc/drbd.d/sub/r0.res")).isEmpty();
        assertThat(HostFiles.UNKNOWN.file("/etc/hosts")).isEmpty();
    }

    @Test
    void nulBytesMakeAFileBinaryEvenWhenTheHostSaidText() throws Exception {
        HostFiles files = HostFilesParser.parse("@@FILE present 3 " + b64("/etc/hosts") + "\n" + b64("a\0b") + "\n");

        assertThat(files.file("/etc/hosts")).map(HostFile::state).contains(HostFile.State.BINARY);
    }

    @Test
    void brokenOutputIsAParseErrorThatQuotesNoContent() {
        String secretLine = b64("password = Sup3r-s3cret!");
        assertThatThrownBy(() -> HostFilesParser.parse("@@FILE present 5 " + b64("/etc/hosts") + "\n" + secretLine + "!!\n"))
                .isInstanceOf(FactParseException.class).hasMessageNotContaining(secretLine).hasMessageNotContaining("Sup3r");
        assertThatThrownBy(() -> HostFilesParser.parse(secretLine + "\n"))
                .isInstanceOf(FactParseException.class).hasMessageNotContaining(secretLine);
        assertThatThrownBy(() -> HostFilesParser.parse("@@FILE present 5 " + b64("/etc/hosts") + "\n"))
                .isInstanceOf(FactParseException.class).hasMessageContaining("/etc/hosts");
    }

    @Test
    void theNamespaceLabsNode1AsCaptured() throws Exception {
        HostFiles files = HostFilesParser.parse(Fixture.local("host_files.netns_node1.txt"));

        assertThat(files.file("/etc/hosts")).hasValueSatisfying(f -> {
            assertThat(f.state()).isEqualTo(HostFile.State.PRESENT);
            assertThat(f.content()).contains("node1");
        });
        assertThat(files.file("/etc/corosync/corosync.conf")).hasValueSatisfying(f -> assertThat(f.content()).contains("totem {"));
        assertThat(files.file("/etc/heartbeat/authkeys")).map(HostFile::state).contains(HostFile.State.ABSENT);
        assertThat(files.file("/etc/corosync/authkey")).map(HostFile::state).contains(HostFile.State.ABSENT);
        assertThat(files.file("/etc/iscsi/iscsid.conf")).map(HostFile::state).contains(HostFile.State.ABSENT);
        assertThat(files.file("/etc/chrony/chrony.conf")).hasValueSatisfying(f -> assertThat(f.content()).contains("confdir /etc/chrony/conf.d"));
        assertThat(files.file("/etc/drbd.d/global_common.conf")).hasValueSatisfying(f -> assertThat(f.content()).contains("global {"));
    }
}
