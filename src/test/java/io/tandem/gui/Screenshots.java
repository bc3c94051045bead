package io.tandem.gui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import org.testfx.api.FxRobot;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Saves a PNG of a node to target/screenshots/ so a person can look at every screen after a test run;
 * {@link #saveForDocs} also into docs/screenshots/, where the user guide shows it.
 */
final class Screenshots {

    private Screenshots() {
    }

    static Path save(Node node, String name) {
        BufferedImage image = snapshot(node);
        Path file = Path.of("target/screenshots", name + ".png");
        write(image, file);
        return file;
    }

    /**
     * As {@link #save}, and into docs/screenshots/ for the user guide: the docs' picture is made by
     * the test run, so it cannot drift from the product. A file whose pixels are the same is left
     * alone (no change for git to see when the screen did not change).
     */
    static Path saveForDocs(Node node, String name) {
        BufferedImage image = snapshot(node);
        write(image, Path.of("target/screenshots", name + ".png"));
        Path docs = Path.of("docs/screenshots", name + ".png");
        if (!samePixels(image, docs)) {
            write(image, docs);
        }
        return docs;
    }

    private static BufferedImage snapshot(Node node) {
        AtomicReference<javafx.scene.image.WritableImage> image = new AtomicReference<>();
        new FxRobot().interact(() -> image.set(node.snapshot(null, null)));
        return SwingFXUtils.fromFXImage(image.get(), null);
    }

    private static void write(BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean samePixels(BufferedImage image, Path file) {
        try {
            if (!Files.exists(file)) {
                return false;
            }
            BufferedImage old = ImageIO.read(file.toFile());
            if (old == null || old.getWidth() != image.getWidth() || old.getHeight() != image.getHeight()) {
                return false;
            }
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if (old.getRGB(x, y) != image.getRGB(x, y)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
