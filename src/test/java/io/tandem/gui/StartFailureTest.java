package io.tandem.gui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What JavaFX 25 throws when its toolkit cannot start (messages as printed on this machine), as one sentence. */
class StartFailureTest {

    @Test
    void missingGtkNamesWhatToInstall() {
        var e = new UnsupportedOperationException("Unable to load glass GTK library.");
        assertThat(StartFailure.sentence(e, ":0")).isEqualTo("Tandem's desktop app cannot start because GTK 3 is not installed: "
                + "install it (on Debian and Ubuntu: sudo apt-get install libgtk-3-0 libxtst6) and start it again, "
                + "or use the command line (tandem --help).");
        var link = new RuntimeException("Exception in Application start method",
                new UnsatisfiedLinkError("libgtk-3.so.0: cannot open shared object file: No such file or directory"));
        assertThat(StartFailure.sentence(link, ":0")).contains("GTK 3 is not installed");
    }

    @Test
    void anUnreachableDisplayIsNamedWithoutItsControlCharacters() {
        var e = new UnsupportedOperationException("Unable to open DISPLAY");
        assertThat(StartFailure.sentence(e, ":5")).contains("cannot reach the display ':5' (DISPLAY)");
        assertThat(StartFailure.sentence(e, ":5\u001b[2J")).contains("':5\\x1b[2J'").doesNotContain("\u001b");
        assertThat(StartFailure.sentence(e, null)).contains("cannot reach the display (DISPLAY)");
    }

    @Test
    void noRendererAndAnythingElseSayHowToSeeTheDetails() {
        assertThat(StartFailure.sentence(new RuntimeException("No toolkit found"), ":0"))
                .contains("no graphics renderer", "TANDEM_DEBUG=1");
        var other = new RuntimeException("Exception in Application start method", new IllegalStateException("boom\nsecond line"));
        assertThat(StartFailure.sentence(other, ":0"))
                .isEqualTo("Tandem's desktop app could not start (boom): set TANDEM_DEBUG=1 to see the details, "
                        + "or use the command line (tandem --help).");
    }

    @Test
    void debugOnlyWhenAskedFor() {
        assertThat(StartFailure.debug("1")).isTrue();
        assertThat(StartFailure.debug("TRUE")).isTrue();
        assertThat(StartFailure.debug(null)).isFalse();
        assertThat(StartFailure.debug("0")).isFalse();
    }
}
