package io.tandem.render;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole file after placing a rendered one: whole files replace, blocks replace or append, settings merge. */
class PlacedTextTest {

    private static final String BLOCK = Header.BEGIN_BLOCK + "\n10.0.0.1 node1\n" + Header.END_BLOCK + "\n";

    @Test
    void aWholeFileOrAFileNotThereYetIsTheRenderedText() {
        assertThat(PlacedText.place(Placement.WHOLE_FILE, Optional.of("old\n"), "new\n")).isEqualTo("new\n");
        assertThat(PlacedText.place(Placement.MANAGED_BLOCK, Optional.empty(), BLOCK)).isEqualTo(BLOCK);
        assertThat(PlacedText.place(Placement.SETTINGS, Optional.empty(), "a = 1\n")).isEqualTo("a = 1\n");
    }

    @Test
    void aBlockIsAppendedOnceAndReplacedAfterwards() {
        String stock = "127.0.0.1\tlocalhost\n::1 localhost";

        String first = PlacedText.place(Placement.MANAGED_BLOCK, Optional.of(stock), BLOCK);
        String second = PlacedText.place(Placement.MANAGED_BLOCK, Optional.of(first + "# added later\n"),
                BLOCK.replace("10.0.0.1", "10.0.0.2"));

        assertThat(first).isEqualTo(stock + "\n" + BLOCK);
        assertThat(second).isEqualTo("127.0.0.1\tlocalhost\n::1 localhost\n" + BLOCK.replace("10.0.0.1", "10.0.0.2") + "# added later\n");
        assertThat(PlacedText.place(Placement.MANAGED_BLOCK, Optional.of(first), BLOCK)).isEqualTo(first);
    }

    @Test
    void settingsReplaceTheActiveLineDropLaterDuplicatesKeepCommentsAndAppendTheRest() {
        String stock = "# node.startup = automatic\nnode.startup = manual\n#node.session.auth.password = password\n"
                + "node.session.timeo.replacement_timeout = 120\nnode.startup=manual\n";

        String merged = PlacedText.place(Placement.SETTINGS, Optional.of(stock),
                "node.startup = automatic\nnode.session.auth.authmethod = CHAP\nnode.session.timeo.replacement_timeout = 180\n");

        assertThat(merged).isEqualTo("# node.startup = automatic\nnode.startup = automatic\n#node.session.auth.password = password\n"
                + "node.session.timeo.replacement_timeout = 180\nnode.session.auth.authmethod = CHAP\n");
        assertThat(PlacedText.place(Placement.SETTINGS, Optional.of(merged),
                "node.startup = automatic\nnode.session.auth.authmethod = CHAP\nnode.session.timeo.replacement_timeout = 180\n"))
                .as("placing again changes nothing").isEqualTo(merged);
    }
}
