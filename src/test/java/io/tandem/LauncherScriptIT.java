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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./tandem} as a new user meets it: on a machine without GTK 3 (a mount namespace where the
 * libraries are gone, {@link WithoutLibraries}) it says in one sentence what to install, or installs
 * it as root; the JVM's own failure to open a window is one sentence too; and the class-data
 * archives follow the jar they were made from, the window's dumped from a class list that still
 * names what the first window loads.
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
    void theWindowStartsFromAnArchiveDumpedFromTheClassListOnceABuild(@TempDir Path dir) throws Exception {
        Xvfb.require();
        RealTools.require("stat");
        Path tree = launcherTree(dir.resolve("tree"));
        Path cache = dir.resolve("cache/tandem");
        String fromArchive = "io.tandem.gui.TandemApp source: shared objects file";
        try (Xvfb x = Xvfb.start()) {
            // A jar built elsewhere: its first window starts without the archive, which is dumped after it, for the next.
            Path first = dir.resolve("classes-1.log");
            assertThat(startWindow(tree, dir, x, first)).doesNotContain("Preparing");
            assertThat(Files.readString(first)).contains("io.tandem.gui.TandemApp source: file:").doesNotContain(fromArchive);
            Path archive = awaitWindowArchive(cache, tree);

            Path second = dir.resolve("classes-2.log");
            assertThat(startWindow(tree, dir, x, second)).doesNotContain("Preparing");
            String loaded = Files.readString(second);
            assertThat(loaded).contains(fromArchive, "javafx.scene.control.Button source: shared objects file");
            assertThat(loaded.lines().filter(l -> l.endsWith("source: shared objects file")).count()).isGreaterThan(3000);
            FileTime dumped = Files.getLastModifiedTime(archive);
            Thread.sleep(10_000); // no second dump behind the window
            assertThat(Files.getLastModifiedTime(archive)).as("the same build keeps its archive").isEqualTo(dumped);

            // A build made by the launcher (a stand-in for Maven that gives the jar a new time): the archive is
            // dumped right after it, so the first window of the new build starts from it.
            Files.writeString(tree.resolve("mvnw"), "#!/bin/sh\ntouch -d @$(( $(date +%s) + 10 )) target/tandem.jar\n");
            Files.setPosixFilePermissions(tree.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setLastModifiedTime(tree.resolve("src/main"), FileTime.from(Instant.now()));
            Path rebuilt = dir.resolve("classes-3.log");
            assertThat(startWindow(tree, dir, x, rebuilt)).contains("Building Tandem", "Preparing the class archive");
            assertThat(Files.readString(rebuilt)).contains(fromArchive);
            assertThat(windowArchive(cache, tree)).isNotEqualTo(archive);
            assertThat(archive).as("the earlier build's archive is removed").doesNotExist();
        }
    }

    @Test
    void theCommittedClassListStillNamesWhatTheFirstWindowLoads(@TempDir Path dir) throws Exception {
        Xvfb.require();
        Path fresh = dir.resolve("gui.classlist");
        var run = LocalCommand.run(List.of(REPO.resolve("scripts/cds/refresh").toString(), fresh.toString()),
                environment(), REPO, Duration.ofMinutes(5));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        Set<String> committed = classNames(REPO.resolve("scripts/cds/gui.classlist"));
        Set<String> loaded = classNames(fresh);
        assertThat(loaded).as("the training starts' list").anyMatch(c -> c.startsWith("io/tandem/gui/")).hasSizeGreaterThan(2000);
        List<String> missing = loaded.stream().filter(c -> !committed.contains(c)).sorted().toList();
        // A class or two more or less is not worth a new list; a changed first window is.
        assertThat(missing.size()).as("classes the first window loads that scripts/cds/gui.classlist does not name "
                + "(the window's archive then reads them from the jar): run scripts/cds/refresh and commit the list. Missing: %s",
                missing).isLessThanOrEqualTo(loaded.size() / 50);
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

    /**
     * Starts the window with {@code tree/tandem} on display {@code x} and {@code dir/cache} as the cache, the app's
     * class loading logged to {@code classes}; ends it once it is shown. Returns what the launcher said on stderr.
     */
    private static String startWindow(Path tree, Path dir, Xvfb x, Path classes) throws Exception {
        Path out = dir.resolve("window.out");
        Path err = dir.resolve("window.err");
        ProcessBuilder start = new ProcessBuilder(tree.resolve("tandem").toString()).directory(tree.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        start.environment().putAll(environment("DISPLAY", x.display(), "HOME", dir.toString(),
                "XDG_CACHE_HOME", dir.resolve("cache").toString(),
                "JAVA_TOOL_OPTIONS", "-Dtandem.startupTiming=true -Dtandem.warmUp=false -Xlog:class+load=info:file=" + classes));
        Process process = start.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline && process.isAlive() && !Files.readString(out).contains("startup-ms")) {
                Thread.sleep(100);
            }
            assertThat(Files.readString(out)).as(Files.readString(err)).contains("startup-ms");
        } finally {
            process.destroy();
            process.waitFor();
        }
        return Files.readString(err);
    }

    /** The window archive of the jar in {@code tree}, once a dump behind the window has written it. */
    private static Path awaitWindowArchive(Path cache, Path tree) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> archives = Files.list(cache)) {
                List<Path> done = archives.filter(p -> p.getFileName().toString().startsWith("gui-" + place(tree)))
                        .filter(p -> !p.getFileName().toString().contains("-partial")).toList();
                if (!done.isEmpty()) {
                    return windowArchive(cache, tree);
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no window archive in " + cache + " 90 s after the first start");
    }

    /** The one window archive of the jar in {@code tree}. */
    private static Path windowArchive(Path cache, Path tree) throws Exception {
        try (Stream<Path> archives = Files.list(cache)) {
            List<Path> ours = archives.filter(p -> p.getFileName().toString().startsWith("gui-" + place(tree))).toList();
            assertThat(ours).hasSize(1);
            return ours.getFirst();
        }
    }

    /** The classes a class list names (its other lines: comments, and @ lines about lambdas and constant pools). */
    private static Set<String> classNames(Path classList) throws Exception {
        try (Stream<String> lines = Files.lines(classList)) {
            return lines.filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("@"))
                    .map(l -> l.split(" ", 2)[0]).collect(Collectors.toSet());
        }
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
        Files.createDirectories(tree.resolve("scripts/cds"));
        Files.copy(REPO.resolve("scripts/cds/gui.classlist"), tree.resolve("scripts/cds/gui.classlist"));
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
        for (String source : List.of("src/main", "examples", "icons", "docs")) {
            Files.setLastModifiedTime(Files.createDirectories(tree.resolve(source)), past);
        }
        Files.setLastModifiedTime(Files.writeString(tree.resolve("pom.xml"), ""), past);
        Files.copy(REPO.resolve("target/tandem.jar"), tree.resolve("target/tandem.jar"));
        return tree;
    }
}
