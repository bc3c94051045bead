package io.tandem.gui;

import io.tandem.gui.wizard.NodesStep;
import io.tandem.gui.wizard.WizardViewModel;
import io.tandem.help.UserGuide;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * The wizard's "?" opens the bundled user guide at the step's own section, in a window beside the
 * wizard: on Welcome, then on Disks (the same window, now at Disks); its contents list and links
 * move through the guide, and every section shows (with its screenshots) without an error.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class StepHelpTest {

    @TempDir
    static Path dir;
    private WizardViewModel wizard;

    @Start
    void start(Stage stage) {
        wizard = WizardFx.demoWindow(stage, dir.resolve("app-" + System.nanoTime()), 1.0);
    }

    private static Window helpWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith("Tandem user guide")).findFirst().orElse(null);
    }

    /** Clicks "?" and waits until the help window shows the section titled {@code title}. */
    private void clickHelpFor(FxRobot robot, String title) {
        robot.clickOn("#help");
        WizardFx.waitUntil(() -> helpWindow() != null && helpWindow().isShowing()
                && robot.lookup("#help-title").tryQuery().map(n -> ((Label) n).getText().equals(title)).orElse(false),
                20, () -> "the help shows \"" + title + "\"; it shows " + robot.lookup("#help-title").tryQuery().map(n -> ((Label) n).getText())
                        .orElse("nothing") + ", status: " + robot.lookup("#help-status").tryQuery().map(n -> ((Label) n).getText()).orElse(""));
    }

    /** Every word the help window's section shows: its texts, labels and links. */
    private static String shownText(FxRobot robot) {
        StringBuilder out = new StringBuilder();
        robot.interact(() -> collect(robot.lookup("#help-content").query(), out));
        return out.toString();
    }

    private static void collect(Node node, StringBuilder out) {
        if (node instanceof javafx.scene.text.Text t) {
            out.append(t.getText());
        } else if (node instanceof Labeled l) {
            out.append(l.getText()).append('\n');
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    @Test
    void questionMarkOpensTheStepsOwnSectionOfTheGuide(FxRobot robot) {
        clickHelpFor(robot, "1. Welcome");
        String welcome = shownText(robot);
        assertThat(welcome).as("Welcome's section").contains("Try the demo cluster", "Watch the demo cluster")
                .doesNotContain("type its path");
        assertThat(robot.lookup("#help-status").queryAs(Label.class).getText()).isEmpty();

        robot.interact(() -> robot.lookup("#welcome-demo").queryButton().fire());
        for (int n = 0; n < 2; n++) {
            String id = "#discover-" + n;
            robot.interact(() -> robot.lookup(id).queryButton().fire());
            WizardFx.trustHostKey(robot);
        }
        WizardFx.waitUntil(() -> wizard.facts().containsKey(NodesStep.key(1)), "node 2 is discovered");
        WizardFx.next(robot);
        WizardFx.next(robot);
        assertThat(wizard.currentStep().title()).isEqualTo("Disks");
        clickHelpFor(robot, "4. Disks");
        String disks = shownText(robot);
        assertThat(disks).as("Disks' section").contains("DESTROYS", "type its path", "internal").doesNotContain("Watch the demo cluster");
        assertThat(robot.lookup("#help-content").<Node>query().lookupAll(".image-view")).as("the Disks step's screenshot")
                .anySatisfy(n -> assertThat(((ImageView) n).getImage().getUrl()).endsWith("screenshots/guide-04-disks.png"));
        assertThat(Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith("Tandem user guide")).count()).as("one help window, reused").isEqualTo(1);
        robot.lookup("#help-content").<Node>query().lookupAll(".image-view").forEach(n ->
                WizardFx.waitUntil(() -> ((ImageView) n).getImage().getProgress() >= 1, 10, "the screenshot is read"));
        Screenshots.saveForDocs(helpWindow().getScene().getRoot(), "guide-help-disks");
    }

    @Test
    void theContentsListAndTheGuidesOwnLinksShowEverySection(FxRobot robot) {
        clickHelpFor(robot, "1. Welcome");
        ListView<UserGuide.Section> contents = robot.lookup("#help-contents").queryListView();
        assertThat(contents.getItems()).extracting(UserGuide.Section::title)
                .contains("1. Welcome", "2. Nodes", "9. Review", "Apply", "After apply");
        for (UserGuide.Section section : java.util.List.copyOf(contents.getItems())) {
            robot.interact(() -> contents.getSelectionModel().select(section));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#help-title").queryAs(Label.class).getText()).isEqualTo(section.title());
            assertThat(robot.lookup("#help-status").queryAs(Label.class).getText()).as(section.title()).isEmpty();
            String firstWords = UserGuide.plainText(section.blocks().getFirst()).lines().findFirst().orElse("");
            assertThat(shownText(robot).replace('\n', ' ')).as("%s shows its first words", section.title())
                    .contains(firstWords.substring(0, Math.min(40, firstWords.length())));
            robot.lookup("#help-content").<Node>query().lookupAll(".image-view").forEach(n -> {
                WizardFx.waitUntil(() -> ((ImageView) n).getImage().getProgress() >= 1, 10, "a screenshot of " + section.title() + " is read");
                assertThat(((ImageView) n).getImage().isError()).as("%s in %s", ((ImageView) n).getImage().getUrl(), section.title()).isFalse();
            });
        }
        // A link inside the guide to another section is followed in the window.
        robot.interact(() -> contents.getSelectionModel().select(contents.getItems().getFirst()));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Hyperlink toDisks = robot.lookup("#help-content").<Node>query().lookupAll(".hyperlink").stream()
                .map(javafx.scene.control.Hyperlink.class::cast).filter(h -> h.getText().equals("4. Disks")).findFirst().orElseThrow();
        robot.interact(toDisks::fire);
        assertThat(robot.lookup("#help-title").queryAs(Label.class).getText()).isEqualTo("4. Disks");
        assertThat(contents.getSelectionModel().getSelectedItem().title()).isEqualTo("4. Disks");
    }
}
