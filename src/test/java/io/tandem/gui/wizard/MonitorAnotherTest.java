package io.tandem.gui.wizard;

import io.tandem.gui.Background;
import io.tandem.model.DemoProject;
import io.tandem.model.ProjectFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** "Add a cluster…": another saved project joins the monitored list; a bad file is refused in words; the edited project is untouched. */
class MonitorAnotherTest {

    @TempDir
    Path dir;

    /** Keeps the work it is given and runs none of it: no host is contacted. */
    private static final class Held implements Background {
        final List<Callable<?>> held = new ArrayList<>();

        @Override
        public <T> Job run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(work);
            return () -> { };
        }
    }

    private static final class Quiet implements io.tandem.gui.Dialogs {
        @Override
        public boolean trustHostKey(io.tandem.ssh.HostKeyPrompt.UnknownKey key) {
            return false;
        }

        @Override
        public UnsavedChoice unsavedChanges() {
            return UnsavedChoice.DISCARD;
        }

        @Override
        public DemoSaveChoice saveDemo(String addresses) {
            return DemoSaveChoice.CANCEL;
        }

        @Override
        public boolean resumeUnfinishedApply(String description) {
            return false;
        }
    }

    @Test
    void anotherProjectJoinsTheListAndIsShownWhileTheEditedProjectStays() throws Exception {
        Held background = new Held();
        WizardViewModel wizard = TestWizards.create(background, new Quiet(), dir.resolve("app"));
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
        WizardViewModel wizard = TestWizards.create(new Held(), new Quiet(), dir.resolve("app"));
        Path bad = Files.writeString(dir.resolve("bad.tandem.json"), "{ not json");
        assertThat(wizard.monitorAnother(bad)).isNotEmpty().allSatisfy(p -> assertThat(p.describe()).isNotBlank());
        assertThat(wizard.board().entries()).isEmpty();
        assertThat(wizard.screenProperty().get()).isEqualTo(WizardViewModel.Screen.WIZARD);
    }
}
