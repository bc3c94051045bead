package io.tandem.gui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import org.testfx.api.FxRobot;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/** Saves a PNG of a node to target/screenshots/ so a person can look at every screen after a test run. */
final class Screenshots {

    private Screenshots() {
    }

    static Path save(Node node, String name) {
        AtomicReference<javafx.scene.image.WritableImage> image = new AtomicReference<>();
        new FxRobot().interact(() -> image.set(node.snapshot(null, null)));
        Path file = Path.of("target/screenshots", name + ".png");
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
