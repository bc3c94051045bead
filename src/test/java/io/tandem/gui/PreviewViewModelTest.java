package io.tandem.gui;

import io.tandem.render.RenderedFile;
import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The preview screen's state, without a screen. */
class PreviewViewModelTest {

    @Test
    void theDemoShowsItsFilesWithSecretsRedacted() {
        PreviewViewModel model = new PreviewViewModel();
        model.loadDemo();
        assertThat(model.files()).isNotEmpty();
        assertThat(model.summaryProperty().get()).contains("192.168.50.100", "2 LUN(s)");
        RenderedFile iscsid = model.files().stream().filter(f -> f.path().equals("/etc/iscsi/iscsid.conf")).findFirst().orElseThrow();
        model.selectedProperty().set(iscsid);
        assertThat(model.contentProperty().get()).contains("node.session.auth.password = <redacted:chap-incoming-secret>")
                .doesNotContain(Examples.modern().chap().incoming().secret().reveal());
    }

    @Test
    void anInvalidProjectShowsItsErrorCountAndNoFiles() throws Exception {
        PreviewViewModel model = new PreviewViewModel();
        model.load(JsonEdit.of(Examples.MODERN).set("$.target.iqn", "nope").project());
        assertThat(model.files()).isEmpty();
        assertThat(model.summaryProperty().get()).contains("1 error(s)");
    }
}
