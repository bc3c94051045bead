package io.tandem.gui;

import javafx.scene.image.Image;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The application icon in the sizes icons/build renders from icons/tandem.svg: the window gets all
 * of them, so the desktop picks the one that fits (title bar, task switcher, dock) instead of
 * scaling one down.
 */
public final class AppIcons {

    /** The PNG sizes in icons/ (and in the jar under /icons/). */
    public static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);
    /** The window's: 512 only serves installers and docks that scale, and costs start time to decode. */
    public static final List<Integer> WINDOW_SIZES = SIZES.subList(0, SIZES.size() - 1);

    private AppIcons() {
    }

    /** The window's sizes, smallest first. */
    public static List<Image> forWindow() {
        List<Image> images = new ArrayList<>();
        for (int size : WINDOW_SIZES) {
            image(size).ifPresent(images::add);
        }
        return images;
    }

    /** The icon of exactly {@code size} pixels, when the jar has it. */
    public static java.util.Optional<Image> image(int size) {
        InputStream in = AppIcons.class.getResourceAsStream("/icons/tandem-" + size + ".png");
        return in == null ? java.util.Optional.empty() : java.util.Optional.of(new Image(in));
    }
}
