package io.tandem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard is refused for want of a display only where X11 or Wayland is what the toolkit needs. */
class LauncherTest {

    private static final String NO_DISPLAY = "No graphical display found (DISPLAY is not set), so the wizard cannot open.";

    @Test
    void linuxWithoutADisplayIsRefusedWithOneSentence() {
        assertThat(Launcher.displayRefusal("Linux", null, null)).contains(NO_DISPLAY);
        assertThat(Launcher.displayRefusal("FreeBSD", null, null)).contains(NO_DISPLAY);
    }

    @Test
    void linuxWithAnX11OrAWaylandDisplayMayOpen() {
        assertThat(Launcher.displayRefusal("Linux", ":0", null)).isEmpty();
        assertThat(Launcher.displayRefusal("Linux", null, "wayland-0")).isEmpty();
        assertThat(Launcher.displayRefusal("Linux", ":0", "wayland-0")).isEmpty();
    }

    @Test
    void windowsAndMacOsNeverSetThoseVariablesAndMayOpen() {
        assertThat(Launcher.displayRefusal("Windows 11", null, null)).isEmpty();
        assertThat(Launcher.displayRefusal("Windows Server 2022", null, null)).isEmpty();
        assertThat(Launcher.displayRefusal("Mac OS X", null, null)).isEmpty();
    }
}
