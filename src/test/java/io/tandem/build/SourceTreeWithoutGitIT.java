package io.tandem.build;

import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Built from a source tree without .git (a release tarball), Maven writes no commit and Tandem says
 * "unknown commit" instead of failing the build. Runs the build's resource phase on a copy of
 * the files it reads, outside any git checkout, then reads the result with this build's BuildInfo.
 */
class SourceTreeWithoutGitIT {

    private static final Path REPO = Path.of("").toAbsolutePath();

    @Test
    void aTreeWithoutGitBuildsAndSaysUnknownCommit(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("tandem-src");
        for (String part : List.of("pom.xml", "mvnw", ".mvn", "src/license", "src/main/resources-filtered")) {
            copy(REPO.resolve(part), tree.resolve(part));
        }
        var git = LocalCommand.run(List.of("sh", "-c", "git rev-parse --show-toplevel 2>&1 || true"), Map.of(), tree, Duration.ofSeconds(30));
        assertThat(git.stdout()).as("the copy is in no git checkout").contains("not a git repository");

        // -o: the outer build fetched these plugins already.
        var build = LocalCommand.run(List.of(tree.resolve("mvnw").toString(), "-o", "-q", "-B", "-ntp", "process-resources"),
                Map.of("JAVA_HOME", System.getProperty("java.home")), tree, Duration.ofMinutes(5));
        assertThat(build.exitCode()).as(build.stdout() + build.stderr()).isZero();

        Path classes = tree.resolve("target/classes");
        assertThat(classes.resolve("io/tandem/build/git.properties")).doesNotExist();
        assertThat(classes.resolve("io/tandem/build/build.properties")).exists();
        // This build's BuildInfo, loaded beside the copy's resources only (this build's own git.properties is not visible).
        try (var compiled = BuildInfo.class.getResourceAsStream("BuildInfo.class")) {
            Files.copy(compiled, classes.resolve("io/tandem/build/BuildInfo.class"));
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> type = loader.loadClass(BuildInfo.class.getName());
            Object info = type.getMethod("current").invoke(null);
            String line = (String) type.getMethod("line").invoke(info);
            assertThat(line).matches("Tandem \\S+ \\(unknown commit, built \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\)");
        }
        assertThat(classes.resolve("io/tandem/build/THIRD-PARTY.txt")).content().contains("com.github.mwiede:jsch");
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
