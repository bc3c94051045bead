package io.tandem.help;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a guide into sections by GitHub's anchors, and refusing Markdown the help window cannot show. */
class UserGuideTest {

    private static final String GUIDE = """
            # The guide

            Before the first section: [go to Disks](#4-disks).

            ## 1. Welcome

            Start **here**, or `open` a file.

            ![The Welcome step](screenshots/guide-01-welcome.png)

            ## 4. Disks

            - a device that holds data
            - needs its path typed

            ### What "internal" means

            Metadata inside the device.

            ## 4. Disks

            A second heading of the same words.
            """;

    @Test
    void anchorsAreGitHubs() {
        assertThat(GuideAnchors.of("4. Disks")).isEqualTo("4-disks");
        assertThat(GuideAnchors.of("Before you start")).isEqualTo("before-you-start");
        assertThat(GuideAnchors.of("What \"internal\" means?")).isEqualTo("what-internal-means");
        assertThat(GuideAnchors.of("Split brain: the dialog")).isEqualTo("split-brain-the-dialog");
        assertThat(GuideAnchors.of("tandem status --json")).isEqualTo("tandem-status---json");
        assertThat(GuideAnchors.forStep(9, "Review")).isEqualTo("9-review");
    }

    @Test
    void eachLevelTwoHeadingIsASectionAndWhatComesBeforeIsTheFirst() {
        UserGuide guide = UserGuide.parse(GUIDE);
        assertThat(guide.title()).isEqualTo("The guide");
        assertThat(guide.sections()).extracting(UserGuide.Section::anchor).containsExactly("the-guide", "1-welcome", "4-disks", "4-disks-1");
        UserGuide.Section welcome = guide.section("1-welcome").orElseThrow();
        assertThat(welcome.text()).contains("Start here, or open a file.").doesNotContain("**", "`", "path typed");
        assertThat(welcome.images()).containsExactly("screenshots/guide-01-welcome.png");
        assertThat(guide.section("#4-disks").orElseThrow().text()).contains("needs its path typed", "Metadata inside the device")
                .doesNotContain("second heading");
        assertThat(guide.section("user-guide.md#4-disks-1").orElseThrow().text()).contains("second heading");
        assertThat(guide.section("what-internal-means").orElseThrow().anchor()).as("a level-3 heading's section").isEqualTo("4-disks");
        assertThat(guide.section("5-replication")).isEmpty();
    }

    @Test
    void markdownTheHelpCannotShowIsRefusedWithItsLine() {
        assertThatThrownBy(() -> UserGuide.parse("# Guide\n\n## 1. Welcome\n\ntext\n\n<details>hidden</details>\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HtmlBlock").hasMessageContaining("line 7");
        assertThatThrownBy(() -> UserGuide.parse("# Guide\n\nSome <b>bold</b> words.\n"))
                .hasMessageContaining("HtmlInline").hasMessageContaining("line 3");
        assertThatThrownBy(() -> UserGuide.parse("Text before any title.\n\n# Guide\n")).hasMessageContaining("must start with its title");
        assertThatThrownBy(() -> UserGuide.parse("")).hasMessageContaining("empty");
    }

    @Test
    void onlyFilesBesideTheGuideAreResources() {
        assertThat(UserGuide.resource("../pom.xml")).isEmpty();
        assertThat(UserGuide.resource("/etc/passwd")).isEmpty();
        assertThat(UserGuide.resource("https://example.org/x.png")).isEmpty();
        assertThat(UserGuide.resource("screenshots/not-there.png")).isEmpty();
    }
}
