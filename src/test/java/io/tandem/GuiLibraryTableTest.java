package io.tandem;

import io.tandem.testing.RealTools;
import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.JarURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's list of the libraries the desktop app needs (scripts/lib/gui-libs.sh) is what
 * JavaFX's own Linux natives link against, read from the natives Tandem ships with readelf: a
 * JavaFX update that needs another library fails here, not on a user's machine.
 */
class GuiLibraryTableTest {

    /** The C library's own: every Linux has them. */
    private static final Set<String> SYSTEM = Set.of("libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
            "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1");
    /** Natives JavaFX can do without: the OpenGL renderer falls back to software rendering. */
    private static final Set<String> OPTIONAL_NATIVES = Set.of("libprism_es2.so");
    private static final Pattern NEEDED = Pattern.compile("\\(NEEDED\\)\\s+Shared library: \\[([^]]+)]");

    @Test
    void theLauncherKnowsEveryLibraryJavaFxsNativesNeed(@TempDir Path dir) throws Exception {
        RealTools.require("readelf", "bash");
        Map<String, Set<String>> neededBy = new TreeMap<>(); // soname -> natives
        for (Path so : javafxNatives(dir)) {
            var out = LocalCommand.run(List.of("readelf", "-d", so.toString()), Map.of(), dir, Duration.ofSeconds(30));
            assertThat(out.exitCode()).as(out.stderr()).isZero();
            Matcher m = NEEDED.matcher(out.stdout());
            while (m.find()) {
                if (!SYSTEM.contains(m.group(1))) {
                    neededBy.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(so.getFileName().toString());
                }
            }
        }
        assertThat(neededBy).as("readelf found the natives' libraries").containsKey("libgtk-3.so.0");

        Map<String, Boolean> table = new TreeMap<>(); // soname -> optional
        var out = LocalCommand.run(List.of("bash", "-c", ". scripts/lib/gui-libs.sh && printf '%s\\n' \"$GUI_LIBRARY_TABLE\""),
                Map.of(), Path.of("").toAbsolutePath(), Duration.ofSeconds(30));
        for (String row : out.stdout().strip().split("\n")) {
            String[] f = row.split(" ");
            assertThat(f).as(row).hasSizeBetween(2, 3);
            table.put(f[0], f.length == 3);
        }
        assertThat(table.keySet()).as("every library the natives need, and no other").isEqualTo(neededBy.keySet());
        neededBy.forEach((soname, natives) -> assertThat(table.get(soname))
                .as(soname + " (needed by " + natives + ") is optional only when only an optional native needs it")
                .isEqualTo(OPTIONAL_NATIVES.containsAll(natives)));
    }

    /** Every .so in the JavaFX jar on the class path for this platform, extracted into {@code dir}. */
    private static List<Path> javafxNatives(Path dir) throws Exception {
        var url = GuiLibraryTableTest.class.getClassLoader().getResource("libglass.so");
        assertThat(url).as("JavaFX's Linux natives on the class path").isNotNull();
        List<Path> natives = new ArrayList<>();
        try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
            for (JarEntry entry : jar.stream().filter(e -> e.getName().endsWith(".so")).toList()) {
                Path target = dir.resolve(Path.of(entry.getName()).getFileName().toString());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                natives.add(target);
            }
        }
        assertThat(natives).hasSizeGreaterThan(5);
        return natives;
    }
}
