package io.tandem.gui;

import io.tandem.gui.home.HomeViewModel;
import io.tandem.gui.wizard.WizardViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failover test dialog on the demo cluster, headless: the crash is refused for the demo's
 * missing fencing, with the reason; a switchover stays shut until its name is typed, then runs on
 * the simulated hosts and ends with the verdict, one line per move, the chart and the report's
 * folder; its moments are events and chart markers. Screenshots failover-1…3 in docs/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(240)
class FailoverDemoTest {

    @TempDir
    static Path dir;
    private WizardViewModel wizard;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        wizard = WizardFx.demoWindow(stage, dir.resolve("app-" + System.nanoTime()), 0.5);
    }

    @org.junit.jupiter.api.AfterEach
    void stopPolling() {
        wizard.board().stopAll();
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static void shot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(onFx(() -> robot.lookup("#failover-dialog").query().getScene().getRoot()), name);
    }

    @Test
    void aCrashIsRefusedWithoutFencingAndASwitchoverRunsOnceItsNameIsTyped(FxRobot robot) {
        robot.interact(() -> robot.lookup("#welcome-demo-monitoring").queryButton().fire());
        WizardFx.waitUntil(() -> wizard.screenProperty().get() == WizardViewModel.Screen.HOME, 10, "the monitoring view shows");
        HomeViewModel home = wizard.homeProperty().get();
        WizardFx.waitUntil(() -> home.verdictProperty().get() != null, 20, "the first round");
        robot.interact(() -> robot.lookup("#home-test-failover").queryButton().fire());

        robot.interact(() -> robot.lookup("#failover-scenario-crash-active").queryAs(RadioButton.class).fire());
        robot.interact(() -> robot.lookup("#failover-check").queryButton().fire());
        WizardFx.waitUntil(() -> text(robot, "#failover-words").contains("refused"), 30, "the crash refused");
        String reasons = onFx(() -> robot.lookup("#failover-reasons").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).reduce("", String::concat));
        assertThat(reasons).contains("No fencing is configured");
        assertThat(onFx(() -> robot.lookup("#failover-typed").queryAs(TextField.class).isDisabled())).isTrue();
        shot(robot, "failover-1-crash-refused");

        robot.interact(() -> robot.lookup("#failover-scenario-switchover").queryAs(RadioButton.class).fire());
        robot.interact(() -> robot.lookup("#failover-check").queryButton().fire());
        WizardFx.waitUntil(() -> text(robot, "#failover-words").contains("To start it, type switchover"), 30, "the switchover ready");
        Button start = robot.lookup("#failover-start").queryButton();
        robot.interact(() -> robot.lookup("#failover-typed").queryAs(TextField.class).setText("switchove"));
        assertThat(onFx(start::isDisabled)).as("not until the exact name").isTrue();
        robot.interact(() -> robot.lookup("#failover-typed").queryAs(TextField.class).setText("switchover"));
        assertThat(onFx(start::isDisabled)).isFalse();
        robot.interact(start::fire);
        WizardFx.waitUntil(() -> text(robot, "#failover-live").contains("longest pause so far"), 30, "the probe's I/O live");
        shot(robot, "failover-2-running");

        WizardFx.waitUntil(() -> !text(robot, "#failover-verdict").isEmpty(), 180, "the test's end");
        assertThat(text(robot, "#failover-verdict")).startsWith("Passed");
        var results = onFx(() -> java.util.List.copyOf(robot.lookup("#failover-results").queryAs(ListView.class).getItems()));
        assertThat(results).hasSize(2);
        assertThat(results.getFirst().toString()).startsWith("switchover node1->node2  pause ").endsWith("errors 0  lost 0  PASS");
        assertThat(onFx(() -> robot.lookup("#failover-chart").queryAs(ImageView.class).getImage() != null)).isTrue();
        String folder = text(robot, "#failover-report-folder");
        assertThat(folder).startsWith("Report: ");
        Path report = Path.of(folder.substring("Report: ".length(), folder.indexOf(" (exported")));
        assertThat(Files.isRegularFile(report.resolve("report.html"))).isTrue();
        assertThat(onFx(() -> home.events().stream().filter(e -> e.code().equals("failover.test")).count())).isGreaterThanOrEqualTo(2);
        shot(robot, "failover-3-passed");
    }
}
