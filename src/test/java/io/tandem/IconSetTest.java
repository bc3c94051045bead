package io.tandem;

import io.tandem.testing.RealTools;
import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * icons/ holds what icons/build draws from icons/tandem.svg, and nothing drawn another way: the
 * committed PNGs are the script's rendering (pixel for pixel, give or take 2 of 255 for another
 * librsvg's anti-aliasing), and the .ico and .icns hold exactly those PNGs' pixels in their sizes.
 * When the SVG changes, run icons/build and commit its output.
 */
class IconSetTest {

    private static final Path ICONS = Path.of("icons").toAbsolutePath();
    private static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);
    private static final int TOLERANCE = 2;

    @Test
    void theCommittedPngsAreWhatTheScriptRendersFromTheSvg(@TempDir Path dir) throws Exception {
        RealTools.require("rsvg-convert", "icotool", "png2icns");
        var build = LocalCommand.run(List.of(ICONS.resolve("build").toString(), dir.toString()), Map.of(), ICONS, Duration.ofMinutes(2));
        assertThat(build.exitCode()).as(build.stderr()).isZero();
        for (int size : SIZES) {
            BufferedImage committed = png(ICONS.resolve("tandem-" + size + ".png"));
            assertThat(committed.getWidth()).isEqualTo(size);
            assertThat(committed.getHeight()).isEqualTo(size);
            assertSamePixels(committed, png(dir.resolve("tandem-" + size + ".png")), "tandem-" + size + ".png against icons/build's rendering");
        }
        try (Stream<Path> files = Files.list(ICONS)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tandem")).sorted())
                    .as("icons/ holds the SVG and what icons/build writes, nothing else")
                    .containsExactlyInAnyOrderElementsOf(expectedFiles());
        }
    }

    @Test
    void theIcoHoldsThePngsFrom16To256(@TempDir Path dir) throws Exception {
        RealTools.require("icotool");
        var list = LocalCommand.run(List.of("icotool", "--list", ICONS.resolve("tandem.ico").toString()), Map.of(), dir, Duration.ofSeconds(30));
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(sizes(list.stdout(), "--width=(\\d+) --height=\\1")).containsExactly(16, 24, 32, 48, 64, 128, 256);
        var extract = LocalCommand.run(List.of("icotool", "--extract", "--output", dir.toString(), ICONS.resolve("tandem.ico").toString()),
                Map.of(), dir, Duration.ofSeconds(30));
        assertThat(extract.exitCode()).as(extract.stderr()).isZero();
        assertEachHoldsThePng(dir, "_(\\d+)x\\1x32\\.png");
    }

    @Test
    void theIcnsHoldsThePngsFrom16To512(@TempDir Path dir) throws Exception {
        RealTools.require("icns2png");
        var extract = LocalCommand.run(List.of("icns2png", "--extract", "--output", dir.toString(), ICONS.resolve("tandem.icns").toString()),
                Map.of(), dir, Duration.ofSeconds(30));
        assertThat(extract.exitCode()).as(extract.stdout() + extract.stderr()).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList().stream()
                    .flatMap(n -> sizes(n, "_(\\d+)x\\1x32\\.png").stream()).sorted())
                    .containsExactly(16, 32, 48, 128, 256, 512);
        }
        assertEachHoldsThePng(dir, "_(\\d+)x\\1x32\\.png");
    }

    private static List<String> expectedFiles() {
        List<String> files = new ArrayList<>(List.of("tandem.svg", "tandem.ico", "tandem.icns"));
        SIZES.forEach(s -> files.add("tandem-" + s + ".png"));
        return files;
    }

    /** Each image extracted into {@code dir} has the pixels of the committed PNG of its size. */
    private static void assertEachHoldsThePng(Path dir, String sizePattern) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> extracted = files.filter(p -> p.toString().endsWith(".png")).toList();
            assertThat(extracted).isNotEmpty();
            for (Path image : extracted) {
                int size = sizes(image.getFileName().toString(), sizePattern).getFirst();
                assertSamePixels(png(ICONS.resolve("tandem-" + size + ".png")), png(image), image.getFileName() + " against tandem-" + size + ".png");
            }
        }
    }

    private static List<Integer> sizes(String text, String pattern) {
        List<Integer> sizes = new ArrayList<>();
        Matcher m = Pattern.compile(pattern).matcher(text);
        while (m.find()) {
            sizes.add(Integer.parseInt(m.group(1)));
        }
        return sizes;
    }

    private static BufferedImage png(Path file) throws Exception {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as(file + " is a PNG").isNotNull();
        return image;
    }

    /** Same size, and every channel (alpha included) of every pixel within {@link #TOLERANCE}; a fully transparent pixel's colour does not count. */
    private static void assertSamePixels(BufferedImage expected, BufferedImage actual, String what) {
        assertThat(actual.getWidth()).as(what).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).as(what).isEqualTo(expected.getHeight());
        int worst = 0;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int a = expected.getRGB(x, y);
                int b = actual.getRGB(x, y);
                if ((a >>> 24) == 0 && (b >>> 24) == 0) {
                    continue;
                }
                for (int shift = 0; shift < 32; shift += 8) {
                    worst = Math.max(worst, Math.abs(((a >>> shift) & 0xff) - ((b >>> shift) & 0xff)));
                }
            }
        }
        assertThat(worst).as(what + ": largest channel difference (run icons/build and commit its output)").isLessThanOrEqualTo(TOLERANCE);
    }
}
