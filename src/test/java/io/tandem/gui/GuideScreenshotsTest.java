package io.tandem.gui;

import io.tandem.gui.wizard.NodesStep;
import io.tandem.gui.wizard.PlanReview;
import io.tandem.gui.wizard.ReviewStep;
import io.tandem.gui.wizard.WizardViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user guide's pictures: the demo cluster walked through every wizard step at 1366×768, as a
 * first-time user does, each step checked (its header, what it is for, Next) and saved as
 * docs/screenshots/guide-NN-STEP.png, the file docs/user-guide.md shows for that step.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(180)
class GuideScreenshotsTest {

    @TempDir
    static Path dir;
    private WizardViewModel wizard;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        wizard = WizardFx.demoWindow(stage, dir.resolve("app-" + System.nanoTime()), 1.0);
    }

    /** Checks the header names step {@code number} and that its "?" is there, then saves the guide's picture of it. */
    private void step(FxRobot robot, int number, String title) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#screen-title").queryAs(Label.class).getText()).isEqualTo(number + ". " + title);
        Button help = robot.lookup("#help").queryButton();
        assertThat(ScreenChecks.shown(help)).as("the step's help button").isTrue();
        assertThat(help.lookup(".text")).as("its \"?\" is drawn").isInstanceOfSatisfying(javafx.scene.text.Text.class,
                t -> assertThat(t.isVisible() && t.getText().equals("?")).isTrue());
        Path saved = Screenshots.saveForDocs(stage.getScene().getRoot(), String.format("guide-%02d-%s", number, title.toLowerCase()));
        assertThat(saved).exists();
    }

    private boolean nextEnabled(FxRobot robot) {
        WizardFx.waitUntil(() -> !wizard.validationPendingProperty().get(), "the last change is validated");
        return !robot.lookup("#next").queryButton().isDisabled();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void everyWizardStepOfTheDemoIsShownAndSavedForTheGuide(FxRobot robot) {
        assertThat(robot.lookup("#welcome-demo").queryButton().getText()).startsWith("Try the demo cluster");
        assertThat(robot.lookup("#welcome-checklist").tryQuery()).as("what you need, on Welcome").isPresent();
        step(robot, 1, "Welcome");

        robot.interact(() -> robot.lookup("#welcome-demo").queryButton().fire());
        assertThat(nextEnabled(robot)).as("Nodes before discovery").isFalse();
        for (int n = 0; n < 2; n++) {
            String id = "#discover-" + n;
            robot.interact(() -> robot.lookup(id).queryButton().fire());
            WizardFx.trustHostKey(robot);
        }
        WizardFx.waitUntil(() -> wizard.facts().containsKey(NodesStep.key(1)), "node 2 is discovered");
        assertThat(text(robot, "#status-0")).startsWith("Discovered node1");
        assertThat(text(robot, "#status-1")).startsWith("Discovered node2");
        assertThat(nextEnabled(robot)).as("Nodes, both discovered").isTrue();
        step(robot, 2, "Nodes");

        WizardFx.next(robot);
        assertThat(robot.lookup("#networks-client-virtualIp").queryAs(TextField.class).getText()).isEqualTo("192.168.50.100");
        assertThat(robot.lookup("#nic-facts-0").tryQuery()).as("node1's NICs from discovery").isPresent();
        assertThat(robot.lookup("#bond-mode").tryQuery()).isPresent();
        assertThat(nextEnabled(robot)).as("the demo's networks").isTrue();
        step(robot, 3, "Network");

        WizardFx.next(robot);
        assertThat(nextEnabled(robot)).as("node2's /dev/vdc holds an old filesystem, not confirmed yet").isFalse();
        WizardFx.clickIntoView(robot, "#confirm-1-1").write("/dev/vdc");
        assertThat(nextEnabled(robot)).as("its path typed").isTrue();
        robot.interact(() -> robot.lookup("#step-content").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));
        step(robot, 4, "Disks");

        WizardFx.next(robot);
        assertThat(robot.lookup("#replication-sharedSecret").tryQuery()).as("the DRBD secret's field").isPresent();
        assertThat(nextEnabled(robot)).isTrue();
        step(robot, 5, "Replication");

        WizardFx.next(robot);
        assertThat(nextEnabled(robot)).as("the demo has no fencing, not acknowledged yet").isFalse();
        robot.interact(() -> robot.lookup("#accept-no-fencing").queryAs(CheckBox.class).setSelected(true));
        assertThat(nextEnabled(robot)).as("no fencing acknowledged").isTrue();
        step(robot, 6, "Cluster");

        WizardFx.next(robot);
        assertThat(robot.lookup("#target-iqn").queryAs(TextField.class).getText()).startsWith("iqn.");
        assertThat(nextEnabled(robot)).isTrue();
        step(robot, 7, "Target");

        WizardFx.next(robot);
        assertThat(text(robot, "#timeout-advice")).contains("replacement timeout");
        assertThat(nextEnabled(robot)).isTrue();
        step(robot, 8, "Initiators");

        WizardFx.next(robot);
        PlanReview plan = wizard.step(ReviewStep.class).plan();
        WizardFx.waitUntil(() -> plan.statusProperty().get() == PlanReview.Status.READY, 60, "the plan is made");
        WaitForAsyncUtils.waitForFxEvents();
        Button apply = robot.lookup("#apply").queryButton();
        WizardFx.waitUntil(() -> !apply.isDisabled(), 20, () -> "Apply is enabled (node2's /dev/vdc confirmed on Disks); blocked by: "
                + text(robot, "#apply-blockers"));
        assertThat(robot.lookup("#next").queryButton().isDisabled()).as("Review is the last step").isTrue();
        step(robot, 9, "Review");
    }
}
