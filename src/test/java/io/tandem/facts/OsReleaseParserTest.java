package io.tandem.facts;

import io.tandem.model.OperatingSystem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OsReleaseParserTest {

    @Test
    void readsTheLabsDebian12() throws FactParseException {
        OsRelease release = OsReleaseParser.parse(Fixture.vmlab("node1.static.os_release.txt"));

        assertThat(release).isEqualTo(new OsRelease("debian", "12", "Debian GNU/Linux 12 (bookworm)", "bookworm"));
        assertThat(release.operatingSystem()).contains(OperatingSystem.DEBIAN_12);
    }

    @Test
    void mapsOnlyTheSupportedReleases() throws FactParseException {
        assertThat(OsReleaseParser.parse("ID=ubuntu\nVERSION_ID=\"24.04\"\nUBUNTU_CODENAME=noble\n").operatingSystem())
                .contains(OperatingSystem.UBUNTU_24_04);
        assertThat(OsReleaseParser.parse("ID=ubuntu\nVERSION_ID='22.04'\n").operatingSystem()).contains(OperatingSystem.UBUNTU_22_04);
        assertThat(OsReleaseParser.parse("ID=ubuntu\nVERSION_ID=\"9.04\"\n").operatingSystem()).isEmpty();
        assertThat(OsReleaseParser.parse("ID=debian\nPRETTY_NAME=\"Debian GNU/Linux trixie/sid\"\n").operatingSystem()).isEmpty();
    }

    @Test
    void unescapesDoubleQuotedValuesAndSkipsComments() throws FactParseException {
        OsRelease release = OsReleaseParser.parse("# comment\n\nNAME=x\nPRETTY_NAME=\"A \\\"quoted\\\" name\"\n");

        assertThat(release.prettyName()).isEqualTo("A \"quoted\" name");
        assertThat(release.id()).as("os-release(5) default").isEqualTo("linux");
    }

    @Test
    void refusesWhatIsNotAnOsReleaseFile() {
        assertThatThrownBy(() -> OsReleaseParser.parse("cat: /etc/os-release: No such file or directory"))
                .isInstanceOf(FactParseException.class)
                .hasMessageStartingWith("/etc/os-release: line 1 is not KEY=value");
        assertThatThrownBy(() -> OsReleaseParser.parse("")).isInstanceOf(FactParseException.class);
        assertThatThrownBy(() -> OsReleaseParser.parse("ID=\"debian\n")).isInstanceOf(FactParseException.class);
    }
}
