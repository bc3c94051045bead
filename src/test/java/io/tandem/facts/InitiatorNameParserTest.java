package io.tandem.facts;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InitiatorNameParserTest {

    @Test
    void readsTheNameDebiansOpenIscsiWrites() throws Exception {
        String file = Files.readString(Path.of("src/test/resources/fixtures/local/initiatorname_iscsi.open-iscsi-postinst.txt"));
        assertThat(InitiatorNameParser.parse(file)).hasValueSatisfying(name -> assertThat(name).matches("iqn\\.1993-08\\.org\\.debian:01:[0-9a-f]{12}"));
    }

    @Test
    void readsTheNameOnTheVmLabClient() throws Exception {
        String file = Files.readString(Path.of("src/test/resources/fixtures/vmlab/client.open-iscsi-installed.cat_initiatorname_iscsi.txt"));
        assertThat(InitiatorNameParser.parse(file)).contains("iqn.1993-08.org.debian:01:a84ebb35f090");
    }

    @Test
    void noFileMeansNoName() throws Exception {
        assertThat(InitiatorNameParser.parse("")).isEmpty();
        assertThat(InitiatorNameParser.parse("## only comments\n")).isEmpty();
    }

    @Test
    void aDamagedFileIsAnErrorNotAGuess() {
        assertThatThrownBy(() -> InitiatorNameParser.parse("InitiatorName=iqn.a.b:1\nInitiatorName=iqn.a.b:2\n"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> InitiatorNameParser.parse("InitiatorName=\n")).hasMessageContaining("empty");
        assertThatThrownBy(() -> InitiatorNameParser.parse("garbage\n")).hasMessageContaining("unexpected line");
    }
}
