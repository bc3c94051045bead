package io.tandem;

import io.tandem.testing.RealTools;
import io.tandem.testing.WithoutLibraries;
import io.tandem.testing.Xvfb;
import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./tandem} as a new user meets it: on a machine without GTK 3 (a mount namespace where the
 * libraries are gone, {@link WithoutLibraries}) it says in one sentence what to install, or installs
 * it as root; the JVM's own failure to open a window is one sentence too; and the class-data
 * archive follows the jar it was made from.
 */
class LauncherScriptIT {

    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final List<String> GTK = List.of("libgtk-3.so.0", "libgdk-3.so.0", "libXtst.so.6");

    private static Map<String, String> environment(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("JAVA_HOME", System.getProperty("java.home")));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    /** One line, and nothing of a Java stack trace. */
    private static void assertOneSentence(String stderr) {
        assertThat(stderr.strip().lines()).as(stderr).hasSize(1);
        assertThat(stderr).doesNotContain("Exception", "\tat ", "WARNING");
    }

    @Test
    void withoutGtkTheLauncherSaysInOneSentenceWhatToInstall(@TempDir Path dir) throws Exception {
        WithoutLibraries.require();
        var run = WithoutLibraries.run(GTK, List.of(REPO.resolve("tandem").toString()),
                environment("TANDEM_NO_INSTALL", "1", "DISPLAY", ":0"), REPO, dir);

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertOneSentence(run.stderr());
        assertThat(run.stderr()).contains("(libgtk-3.so.0, libgdk-3.so.0, libXtst.so.6)")
                .containsPattern("'(sudo )?apt-get install libgtk-3-0(t64)? libxtst6' and start it again");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void asRootTheLauncherInstallsWhatIsMissingWithApt(@TempDir Path dir) throws Exception {
        WithoutLibraries.require();
        // apt-get that only notes what it was asked: the libraries stay missing, so the launcher must say so.
        Path stubs = Files.createDirectories(dir.resolve("stubs"));
        Path asked = dir.resolve("apt-get.args");
        Files.writeString(stubs.resolve("apt-get"), "#!/bin/sh\necho \"$*\" >> '" + asked + "'\n");
        Files.setPosixFilePermissions(stubs.resolve("apt-get"), PosixFilePermissions.fromString("rwxr-xr-x"));
        var run = WithoutLibraries.run(GTK, List.of(REPO.resolve("tandem").toString()),
                environment("PATH", stubs + ":" + System.getenv("PATH"), "DISPLAY", ":0"), REPO, dir);

        assertThat(Files.readString(asked)).matches("install -y -q --no-install-recommends libgtk-3-0(t64)? libxtst6\n");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().lines().toList()).as(run.stderr()).hasSize(2);
        assertThat(run.stderr()).startsWith("Installing what Tandem's desktop app needs: libgtk-3-0")
                .contains("still lacks libgtk-3.so.0, libgdk-3.so.0, libXtst.so.6 after 'apt-get install")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void whenTheToolkitStillCannotStartTheJarSaysWhyInOneSentence(@TempDir Path dir) throws Exception {
        WithoutLibraries.require();
        Xvfb.require();
        List<String> jar = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                REPO.resolve("target/tandem.jar").toString());
        try (Xvfb x = Xvfb.start()) {
            var run = WithoutLibraries.run(GTK, jar, environment("DISPLAY", x.display(), "HOME", dir.toString()), REPO, dir);
            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
            assertOneSentence(run.stderr());
            assertThat(run.stderr()).contains("GTK 3 is not installed", "sudo apt-get install libgtk-3-0");

            var debug = WithoutLibraries.run(GTK, jar, environment("DISPLAY", x.display(), "HOME", dir.toString(), "TANDEM_DEBUG", "1"),
                    REPO, dir);
            assertThat(debug.stderr()).contains("GTK 3 is not installed", "Unable to load glass GTK library", "\tat ");
        }
    }

    @Test
    void anUnreachableDisplayIsOneSentence(@TempDir Path dir) throws Exception {
        var run = LocalCommand.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                REPO.resolve("target/tandem.jar").toString()), environment("DISPLAY", ":9871", "HOME", dir.toString()), REPO,
                Duration.ofMinutes(1));
        assertThat(run.exitCode()).isEqualTo(2);
        assertOneSentence(run.stderr());
        assertThat(run.stderr()).contains("cannot reach the display ':9871' (DISPLAY)");
    }

    @Test
    void aRebuiltJarGetsAFreshClassDataArchiveAndTheOldOneIsRemoved(@TempDir Path dir) throws Exception {
        RealTools.require("stat");
        Path tree = launcherTree(dir.resolve("tree"));
        Path jar = tree.resolve("target/tandem.jar");
        Path cache = Files.createDirectories(dir.resolve("cache/tandem"));
        Path stale = Files.writeString(cache.resolve("cli.jsa"), "made by the launcher before archives had names");
        Path otherCheckout = Files.writeString(cache.resolve("cli-_elsewhere_target_tandem.jar-1-2-3-4.jsa"), "another jar's");

        Path first = startCli(tree, dir);
        assertThat(first).exists();
        assertThat(stale).doesNotExist();
        assertThat(mapsCleanly(first, jar)).as("the archive written by the first start is usable").isTrue();
        FileTime written = Files.getLastModifiedTime(first);
        assertThat(startCli(tree, dir)).as("an unchanged jar keeps its archive").isEqualTo(first);
        assertThat(Files.getLastModifiedTime(first)).isEqualTo(written);

        // A rebuild: the jar's modification time changes, and the JVM refuses the old archive.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(mapsCleanly(first, jar)).as("the JVM refuses an archive of the earlier build").isFalse();
        Path second = startCli(tree, dir);
        assertThat(second).isNotEqualTo(first).exists();
        assertThat(first).doesNotExist();
        assertThat(mapsCleanly(second, jar)).isTrue();
        assertThat(otherCheckout).as("another jar's archive is not ours to remove").exists();
        try (Stream<Path> archives = Files.list(cache)) {
            assertThat(archives.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    second.getFileName().toString(), otherCheckout.getFileName().toString());
        }
    }

    @Test
    void theLauncherStartsTheJvmWithTheOptionsThePackagesUse(@TempDir Path dir) throws Exception {
        Path tree = launcherTree(dir.resolve("tree"));
        // A changed option file: what the JVM then reports must come from it, not from the script.
        Files.writeString(tree.resolve("installer/jvm-options"), """
                # comment lines and blank lines are left out

                --enable-native-access=ALL-UNNAMED
                  -XX:+UseSerialGC   # a comment after an option
                -Xms24m
                """);
        // The java launcher adds JDK_JAVA_OPTIONS to its command line; the flag prints the options the JVM runs with.
        var run = LocalCommand.run(List.of(tree.resolve("tandem").toString(), "--version"),
                environment("XDG_CACHE_HOME", dir.resolve("cache").toString(), "JDK_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags"),
                tree, Duration.ofMinutes(1));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("-XX:+UseSerialGC", "-XX:InitialHeapSize=25165824").contains("Tandem ");
        assertThat(run.stderr()).doesNotContain("WARNING: A restricted method", "Unrecognized");
    }

    @Test
    void javaFxLoadsItsNativeLibrariesFromBesideTheJarPutThereOncePerBuild(@TempDir Path dir) throws Exception {
        Xvfb.require();
        Path app = Files.createDirectories(dir.resolve("app"));
        Path jar = Files.copy(REPO.resolve("target/tandem.jar"), app.resolve("tandem.jar"));
        List<String> beside = List.of("bash", "-c", ". scripts/lib/javafx-natives.sh && javafx_natives_beside \"$1\"", "sh", jar.toString());
        Map<String, String> env = environment();

        assertThat(LocalCommand.run(beside, env, REPO, Duration.ofMinutes(1)).exitCode()).isZero();
        Path glass = app.resolve("libglass.so");
        assertThat(glass).isRegularFile();
        assertThat(app.resolve("libglassgtk3.so")).isRegularFile();
        Files.setLastModifiedTime(glass, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        FileTime marked = Files.getLastModifiedTime(glass);
        assertThat(LocalCommand.run(beside, env, REPO, Duration.ofMinutes(1)).exitCode()).isZero();
        assertThat(Files.getLastModifiedTime(glass)).as("the same build of the jar: not taken out again").isEqualTo(marked);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5))); // a rebuild
        assertThat(LocalCommand.run(beside, env, REPO, Duration.ofMinutes(1)).exitCode()).isZero();
        assertThat(Files.getLastModifiedTime(glass)).as("a rebuilt jar's libraries replace the old ones").isNotEqualTo(marked);

        // The window's start then loads them from there, and writes no copy into the user's home.
        Path home = Files.createDirectories(dir.resolve("home"));
        Path log = dir.resolve("app.log");
        try (Xvfb x = Xvfb.start()) {
            ProcessBuilder start = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djavafx.verbose=true", "-Dtandem.startupTiming=true", "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            start.environment().put("DISPLAY", x.display());
            start.environment().put("HOME", home.toString());
            Process process = start.start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (System.nanoTime() < deadline && process.isAlive() && !Files.readString(log).contains("startup-ms")) {
                    Thread.sleep(100);
                }
            } finally {
                process.destroy();
                process.waitFor();
            }
        }
        String said = Files.readString(log);
        assertThat(said).as(said).contains("startup-ms", "libglass.so from relative path", "libglassgtk3.so from relative path")
                .doesNotContain("from resource");
        assertThat(home.resolve(".openjfx")).doesNotExist();
    }

    /** Runs {@code tree/tandem --version} with {@code dir/cache} as the cache; returns the one archive of this jar. */
    private static Path startCli(Path tree, Path dir) throws Exception {
        var run = LocalCommand.run(List.of(tree.resolve("tandem").toString(), "--version"),
                environment("XDG_CACHE_HOME", dir.resolve("cache").toString()), tree, Duration.ofMinutes(1));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("Tandem");
        try (Stream<Path> archives = Files.list(dir.resolve("cache/tandem"))) {
            List<Path> ours = archives.filter(p -> p.getFileName().toString().startsWith("cli-" + place(tree))).toList();
            assertThat(ours).hasSize(1);
            return ours.getFirst();
        }
    }

    private static String place(Path tree) {
        return tree.resolve("target/tandem.jar").toString().replaceAll("[^A-Za-z0-9.]", "_");
    }

    /** Whether the JVM maps {@code archive} for {@code jar} (-Xshare:on: it must, or it does not start). */
    private static boolean mapsCleanly(Path archive, Path jar) throws Exception {
        var run = LocalCommand.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:on",
                "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString(), "--version"), Map.of(), jar.getParent(), Duration.ofMinutes(1));
        return run.exitCode() == 0 && run.stdout().startsWith("Tandem");
    }

    /** A copy of the launcher with the packaged jar, its sources older than the jar (no build). */
    private static Path launcherTree(Path tree) throws Exception {
        Files.createDirectories(tree.resolve("scripts/lib"));
        Files.createDirectories(tree.resolve("target"));
        Files.createDirectories(tree.resolve("installer"));
        Files.copy(REPO.resolve("tandem"), tree.resolve("tandem"));
        Files.copy(REPO.resolve("installer/jvm-options"), tree.resolve("installer/jvm-options"));
        try (Stream<Path> libs = Files.list(REPO.resolve("scripts/lib"))) {
            for (Path lib : libs.toList()) {
                Files.copy(lib, tree.resolve("scripts/lib").resolve(lib.getFileName()));
            }
        }
        FileTime past = FileTime.from(Instant.now().minus(Duration.ofDays(1)));
        for (String source : List.of("src/main", "examples", "icons")) {
            Files.setLastModifiedTime(Files.createDirectories(tree.resolve(source)), past);
        }
        Files.setLastModifiedTime(Files.writeString(tree.resolve("pom.xml"), ""), past);
        Files.copy(REPO.resolve("target/tandem.jar"), tree.resolve("target/tandem.jar"));
        return tree;
    }
}
