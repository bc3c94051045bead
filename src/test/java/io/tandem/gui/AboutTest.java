package io.tandem.gui;

import io.tandem.build.BuildInfo;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Help → About shows this build's version and commit and the bundled libraries with their licences (target/screenshots/about.png). */
@ExtendWith(ApplicationExtension.class)
class AboutTest {

    @TempDir
    static Path dir;

    @Start
    void start(Stage stage) {
        new WizardFx(stage, dir.resolve("app-" + System.nanoTime()));
    }

    @Test
    void helpAboutShowsTheBuildAndTheLicences(FxRobot robot) {
        robot.clickOn("Help");
        robot.clickOn("About Tandem");
        WizardFx.waitUntil(() -> robot.lookup("#about-dialog").tryQuery().isPresent(), "the About dialog is shown");
        Node pane = robot.lookup("#about-dialog").query();
        Screenshots.save(pane.getScene().getRoot(), "about");

        BuildInfo build = BuildInfo.current();
        String all = String.join("\n", texts(pane));
        assertThat(all).contains("Tandem " + build.version());
        assertThat(build.commit()).as("built from a git checkout").isPresent();
        assertThat(robot.lookup("#about-build").queryLabeled().getText()).contains("commit " + build.commit().orElseThrow());

        GridPane table = robot.lookup("#about-libraries").query();
        assertThat(row(table, "javafx controls")).containsExactly("javafx controls", "25.0.4", "GPL 2.0 with the Classpath Exception");
        assertThat(row(table, "JSch")).containsExactly("JSch", "2.28.8", "BSD 3-Clause License, ISC License");
        assertThat(row(table, "jackson-databind")).element(2).isEqualTo("Apache License 2.0");

        robot.clickOn("Close");
        WizardFx.waitUntil(() -> robot.lookup("#about-dialog").tryQuery().isEmpty(), "the About dialog closes");
    }

    @Test
    void theWindowGetsTheIconInEverySizeUpTo256() {
        var icons = AppIcons.forWindow();
        assertThat(icons.stream().map(i -> (int) i.getWidth())).containsExactly(16, 24, 32, 48, 64, 128, 256);
        assertThat(icons).allSatisfy(i -> assertThat(i.isError()).isFalse());
    }

    /** The texts of the table row whose first cell is {@code name}. */
    private static List<String> row(GridPane table, String name) {
        Integer index = table.getChildren().stream().filter(n -> GridPane.getColumnIndex(n) == 0 && n instanceof Labeled l
                && l.getText().equals(name)).map(GridPane::getRowIndex).findFirst().orElseThrow(() -> new AssertionError("no row " + name));
        return table.getChildren().stream().filter(n -> index.equals(GridPane.getRowIndex(n)))
                .sorted(java.util.Comparator.comparing(GridPane::getColumnIndex)).map(n -> ((Labeled) n).getText()).toList();
    }

    private static List<String> texts(Node node) {
        List<String> texts = new ArrayList<>();
        if (node instanceof Labeled l && l.getText() != null) {
            texts.add(l.getText());
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> texts.addAll(texts(c)));
        }
        return texts;
    }
}
