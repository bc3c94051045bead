package io.tandem.gui;

/**
 * The window's first and minimum size on a given screen, in logical pixels. At 200 % scaling a
 * 1920×1080 screen is 960×540 logical pixels: the usual minimum (1024×700) would not fit, so both
 * sizes are clamped to the screen's usable area and the step content scrolls instead.
 */
public record WindowSize(double width, double height) {

    public static final WindowSize PREFERRED = new WindowSize(1180, 780);
    public static final WindowSize MINIMUM = new WindowSize(1024, 700);

    /** {@code wanted}, shrunk to fit a screen area of {@code screenWidth}×{@code screenHeight}. */
    public static WindowSize fitting(WindowSize wanted, double screenWidth, double screenHeight) {
        return new WindowSize(Math.min(wanted.width, screenWidth), Math.min(wanted.height, screenHeight));
    }
}
