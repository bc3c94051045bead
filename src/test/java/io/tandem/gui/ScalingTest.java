package io.tandem.gui;

import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.transform.Scale;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wizard at 125, 150 and 200 % display scaling. JavaFX scales uniformly, so what changes is
 * the window's size in logical pixels: a 1920×1080 screen with a 32-pixel panel leaves
 * 1536×832, 1280×688 and 960×508. Every step is walked at that size and must keep Back and Next
 * on screen and show every label whole (no "…"); a screenshot at the physical scale is saved.
 */
@ExtendWith(ApplicationExtension.class)
class ScalingTest {

    @TempDir
    static Path dir;
    private WizardFx fx;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fx = new WizardFx(stage, dir.resolve("app-" + System.nanoTime()));
    }

    @ParameterizedTest(name = "{0} %")
    @ValueSource(ints = {125, 150, 200})
    void everyStepFitsAndNoLabelIsCutOff(int percent, FxRobot robot) throws Exception {
        double scale = percent / 100.0;
        WindowSize size = WindowSize.fitting(WindowSize.PREFERRED, 1920 / scale, 1080 / scale - 32);
        robot.interact(() -> {
            stage.setWidth(size.width());
            stage.setHeight(size.height());
        });
        robot.clickOn("#welcome-demo");
        List<String> problems = new ArrayList<>();
        for (int step = 1; step <= 7; step++) { // Nodes to Initiators; Review is checked after the loop
            if (step == 1) {
                robot.interact(() -> fx.wizard.step(io.tandem.gui.wizard.NodesStep.class).discover(0));
                WizardFx.trustHostKey(robot);
                robot.interact(() -> fx.wizard.step(io.tandem.gui.wizard.NodesStep.class).discover(1));
                WizardFx.trustHostKey(robot);
                WizardFx.waitUntil(() -> fx.wizard.facts().size() == 2, "both demo nodes are discovered");
            }
            if (step == 3) {
                robot.interact(() -> fx.wizard.step(io.tandem.gui.wizard.DisksStep.class).confirmation(1, 1).set("/dev/vdc"));
            }
            if (step == 5) {
                robot.interact(() -> fx.wizard.step(io.tandem.gui.wizard.ClusterStep.class).acceptNoFencingProperty().set(true));
            }
            check(robot, percent, problems);
            WizardFx.next(robot);
        }
        check(robot, percent, problems);
        assertThat(problems).isEmpty();
    }

    private void check(FxRobot robot, int percent, List<String> problems) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        String step = fx.wizard.currentStep().title();
        Parent root = stage.getScene().getRoot();
        for (String id : List.of("#back", "#next")) {
            Button button = robot.lookup(id).queryButton();
            Bounds b = button.localToScene(button.getBoundsInLocal());
            if (b.getMinX() < 0 || b.getMinY() < 0 || b.getMaxX() > stage.getScene().getWidth() + 0.5
                    || b.getMaxY() > stage.getScene().getHeight() + 0.5) {
                problems.add(percent + " % " + step + ": " + id + " is outside the window: " + b);
            }
        }
        ScreenChecks.cutOff(root).forEach(cut -> problems.add(percent + " % " + step + ": " + cut));
        AtomicReference<javafx.scene.image.WritableImage> image = new AtomicReference<>();
        double scale = percent / 100.0;
        robot.interact(() -> {
            SnapshotParameters physical = new SnapshotParameters();
            physical.setTransform(new Scale(scale, scale));
            image.set(root.snapshot(physical, null));
        });
        Path file = Path.of("target/screenshots/scaled", percent + "pct-" + (fx.wizard.currentProperty().get() + 1) + "-"
                + step.toLowerCase() + ".png");
        Files.createDirectories(file.getParent());
        ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile());
    }
}
