package io.tandem.gui.wizard;

import io.tandem.model.DemoProject;
import io.tandem.model.ProjectFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** "Add a cluster…": another saved project joins the monitored list; a bad file is refused in words; the edited project is untouched. */
class MonitorAnotherTest {

    @TempDir
    Path dir;

    @Test
    void anotherProjectJoinsTheListAndIsShownWhileTheEditedProjectStays() throws Exception {
        TestWizards.Held background = new TestWizards.Held();
        WizardViewModel wizard = TestWizards.create(background, new TestWizards.Asking(), dir.resolve("app"));
        wizard.startNew();
        Path other = dir.resolve("other.tandem.json");
        ProjectFile.write(DemoProject.withFreshSecrets(), other);

        int heldBefore = background.held.size();
        assertThat(wizard.monitorAnother(other)).isEmpty();
        assertThat(wizard.board().entries()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(other);
            assertThat(e.name()).isEqualTo(DemoProject.load().clusterName());
        });
        assertThat(wizard.board().shownProperty().get()).isSameAs(wizard.board().entries().getFirst());
        assertThat(wizard.screenProperty().get()).isEqualTo(WizardViewModel.Screen.HOME);
        assertThat(wizard.fileProperty().get()).as("the project being edited is not replaced").isNull();
        assertThat(background.held).as("its polling starts through the Background, held here").hasSize(heldBefore + 1);

        assertThat(wizard.monitorAnother(other)).isEmpty();
        assertThat(wizard.board().entries()).as("the same project again replaces its entry").hasSize(1);
    }

    @Test
    void aFileThatIsNotAProjectIsRefusedInWordsAndChangesNothing() throws Exception {
        WizardViewModel wizard = TestWizards.create(new TestWizards.Held(), new TestWizards.Asking(), dir.resolve("app"));
        Path bad = Files.writeString(dir.resolve("bad.tandem.json"), "{ not json");
        assertThat(wizard.monitorAnother(bad)).isNotEmpty().allSatisfy(p -> assertThat(p.describe()).isNotBlank());
        assertThat(wizard.board().entries()).isEmpty();
        assertThat(wizard.screenProperty().get()).isEqualTo(WizardViewModel.Screen.WIZARD);
    }
}
