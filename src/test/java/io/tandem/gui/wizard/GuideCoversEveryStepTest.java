package io.tandem.gui.wizard;

import io.tandem.gui.Background;
import io.tandem.help.GuideAnchors;
import io.tandem.help.UserGuide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide bundled in the build has a section for every wizard step (what its "?" opens), headed
 * as the step's header and showing the step's screenshot, so the guide cannot lose a step silently;
 * and the bundled guide is docs/user-guide.md as it is now, with every picture it shows.
 */
class GuideCoversEveryStepTest {

    @TempDir
    Path dir;

    @Test
    void everyWizardStepHasItsSectionWithItsScreenshot() {
        WizardViewModel wizard = TestWizards.create(Background.IMMEDIATE, new TestWizards.AnsweringDialogs(), dir);
        UserGuide guide = UserGuide.bundled();
        assertThat(wizard.steps()).hasSize(9);
        for (StepViewModel step : wizard.steps()) {
            int number = wizard.steps().indexOf(step) + 1;
            String anchor = wizard.helpAnchor(step);
            UserGuide.Section section = guide.section(anchor).orElseThrow(() -> new AssertionError(
                    "docs/user-guide.md has no section \"## " + number + ". " + step.title() + "\" (anchor " + anchor + ")"));
            assertThat(section.title()).isEqualTo(number + ". " + step.title());
            assertThat(section.images()).as("the screenshot of %s", step.title())
                    .contains(String.format("screenshots/guide-%02d-%s.png", number, step.title().toLowerCase()));
            assertThat(section.text().length()).as("%s says something", step.title()).isGreaterThan(400);
        }
        assertThat(guide.section(GuideAnchors.APPLY)).as("Apply's section").isPresent();
        assertThat(guide.section(GuideAnchors.AFTER_APPLY)).as("the monitoring view's section").isPresent();
    }

    @Test
    void theHelpOfEachScreenIsTheStepsOrApplysOrMonitorings() {
        WizardViewModel wizard = TestWizards.create(Background.IMMEDIATE, new TestWizards.AnsweringDialogs(), dir);
        assertThat(wizard.helpAnchor()).isEqualTo("1-welcome");
        wizard.startDemo();
        wizard.next();
        assertThat(wizard.helpAnchor()).isEqualTo("2-nodes");
    }

    @Test
    void theBundledGuideIsTheDocsGuideWithEveryPictureItShows() throws IOException {
        String docs = Files.readString(Path.of("docs/user-guide.md"));
        try (InputStream in = UserGuide.class.getResourceAsStream(UserGuide.RESOURCE)) {
            assertThat(in).as("the build copies docs/user-guide.md into the jar").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as("rebuild: the bundled guide is not docs/user-guide.md")
                    .isEqualTo(docs);
        }
        for (UserGuide.Section section : UserGuide.bundled().sections()) {
            for (String image : section.images()) {
                assertThat(UserGuide.resource(image)).as("%s (in %s) is bundled", image, section.title()).isPresent();
                assertThat(Path.of("docs", image)).as("%s is in docs/", image).exists();
            }
        }
    }
}
