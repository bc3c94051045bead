package io.tandem.gui.wizard;

import io.tandem.gui.Background;
import io.tandem.gui.Dialogs;
import io.tandem.model.ProjectFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A saved demo stays a demo when reopened, or becomes a project of real servers only when the user says so. */
class DemoSaveTest {

    @TempDir
    Path dir;
    private final TestWizards.AnsweringDialogs dialogs = new TestWizards.AnsweringDialogs();
    private WizardViewModel wizard;

    @BeforeEach
    void demo() {
        wizard = TestWizards.create(Background.IMMEDIATE, dialogs, dir);
        wizard.startDemo();
        wizard.step(NodesStep.class).discover(0);
        assertThat(wizard.facts()).hasSize(1);
    }

    private WizardViewModel reopen(Path file) {
        WizardViewModel again = TestWizards.create(Background.IMMEDIATE, new TestWizards.AnsweringDialogs(), dir.resolve("other"));
        assertThat(again.open(file)).isEmpty();
        return again;
    }

    @Test
    void keptADemoItReopensAsTheDemoAndDiscoversTheSimulatedServers() throws Exception {
        Path file = dir.resolve("demo.tandem.json");
        assertThat(wizard.saveAs(file)).isTrue();
        assertThat(dialogs.demoSaveAsked).containsExactly("192.168.50.11, 192.168.50.12, 192.168.50.20");
        assertThat(ProjectFile.read(file).simulated()).isTrue();
        assertThat(Files.readString(file)).contains("\"demo\" : true");

        WizardViewModel again = reopen(file);
        assertThat(again.isDemo()).as("the DEMO badge follows this").isTrue();
        again.step(NodesStep.class).discover(1);
        assertThat(again.step(NodesStep.class).login(1).status.get()).contains("Discovered node2", "demo host");

        wizard.draft().set("$.domain", "other.example.org");
        assertThat(wizard.save()).isTrue();
        assertThat(dialogs.demoSaveAsked).as("asked once").hasSize(1);
        assertThat(again.readyToSave()).as("a demo opened from its file was decided when saved").isTrue();
    }

    @Test
    void savedAsARealProjectItForgetsTheSimulatedServersAndReopensReal() throws Exception {
        dialogs.demoSave = Dialogs.DemoSaveChoice.SAVE_AS_REAL;
        Path file = dir.resolve("mine.tandem.json");
        assertThat(wizard.saveAs(file)).isTrue();
        assertThat(wizard.isDemo()).isFalse();
        assertThat(wizard.facts()).as("the simulated facts are not this project's servers").isEmpty();
        assertThat(ProjectFile.read(file).simulated()).isFalse();
        assertThat(Files.readString(file)).doesNotContain("\"demo\"");
        assertThat(reopen(file).isDemo()).isFalse();
    }

    @Test
    void cancelledNothingIsWritten() throws Exception {
        dialogs.demoSave = Dialogs.DemoSaveChoice.CANCEL;
        Path file = dir.resolve("demo.tandem.json");
        assertThat(wizard.saveAs(file)).isFalse();
        assertThat(file).doesNotExist();
        assertThat(wizard.isDemo()).isTrue();
        assertThat(wizard.fileProperty().get()).isNull();
    }

    @Test
    void anAutosavedDemoComesBackAsTheDemoAndANewProjectIsNeverOne() throws Exception {
        wizard.draft().set("$.domain", "changed.example.org");
        wizard.changedByStep("$.domain");
        assertThat(dir.resolve("draft.tandem.json")).exists();
        WizardViewModel restarted = TestWizards.create(Background.IMMEDIATE, new TestWizards.AnsweringDialogs(), dir);
        assertThat(restarted.restoreAutosave()).isEmpty();
        assertThat(restarted.isDemo()).isTrue();

        restarted.startNew();
        assertThat(restarted.isDemo()).isFalse();
        assertThat(restarted.draft().has("$.demo")).isFalse();
    }
}
