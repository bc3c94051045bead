package io.tandem.gui.wizard;

import io.tandem.apply.Journal;
import io.tandem.apply.JournalEntry;
import io.tandem.model.DemoProject;
import io.tandem.model.ProjectFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening a project decides from its journal: a last run that completed opens the home screen; an
 * unfinished one is offered to be continued. Background work is only recorded, never run: the
 * status read would reach the project's (non-lab) addresses.
 */
class OpenAppliedProjectTest {

    @TempDir
    Path dir;

    private int projects;

    private WizardViewModel openWithJournal(TestWizards.Asking dialogs, String... events) throws Exception {
        Path file = java.nio.file.Files.createDirectories(dir.resolve("p" + (++projects))).resolve("cluster.tandem.json");
        ProjectFile.write(DemoProject.withFreshSecrets(), file);
        WizardViewModel wizard = TestWizards.create(new TestWizards.Held(), dialogs, dir.resolve("app"));
        Journal journal = new Journal(AppPaths.under(dir.resolve("app")).journal(file, DemoProject.load().clusterName()));
        for (String e : events) {
            String[] p = e.split(" ", 2);
            journal.append(JournalEntry.of("20261201T120000Z", p[0], p[0].equals("step-start") ? "node2" : "", "", p.length > 1 ? p[1] : ""));
        }
        assertThat(wizard.open(file)).isEmpty();
        wizard.goTo(1);
        wizard.checkJournalAfterOpen();
        return wizard;
    }

    @Test
    void aProjectWhoseLastApplyCompletedOpensOnTheHomeScreen() throws Exception {
        TestWizards.Asking dialogs = new TestWizards.Asking();
        WizardViewModel wizard = openWithJournal(dialogs, "run-start 50 step(s)", "run-end done");
        assertThat(wizard.screenProperty().get()).isEqualTo(WizardViewModel.Screen.HOME);
        assertThat(wizard.homeProperty().get()).isNotNull();
        assertThat(dialogs.asked).isEmpty();
        wizard.editSetup();
        assertThat(wizard.screenProperty().get()).isEqualTo(WizardViewModel.Screen.WIZARD);
    }

    @Test
    void anInterruptedApplyIsOfferedToBeContinued() throws Exception {
        TestWizards.Asking dialogs = new TestWizards.Asking();
        WizardViewModel wizard = openWithJournal(dialogs, "run-start 50 step(s)", "step-start Install the packages");
        assertThat(wizard.screenProperty().get()).isEqualTo(WizardViewModel.Screen.WIZARD);
        assertThat(dialogs.asked).singleElement().asString().contains("did not finish", "Install the packages", "node2");
        assertThat(wizard.resumeOfferedProperty().get()).contains("press Apply");
        assertThat(wizard.currentProperty().get()).isEqualTo(1);
    }

    @Test
    void aFailedApplyIsOfferedTooAndANeverAppliedProjectIsNot() throws Exception {
        TestWizards.Asking dialogs = new TestWizards.Asking();
        dialogs.resume = false;
        WizardViewModel failed = openWithJournal(dialogs, "run-start 50 step(s)", "run-end failed");
        assertThat(dialogs.asked).singleElement().asString().contains("stopped at a failed step");
        assertThat(failed.resumeOfferedProperty().get()).isEmpty();
        TestWizards.Asking fresh = new TestWizards.Asking();
        openWithJournal(fresh);
        assertThat(fresh.asked).isEmpty();
    }
}
