package io.tandem;

import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/lib/find-jdk.sh, sourced by {@code ./tandem} before every start: a JDK's version comes from
 * its release file without starting its JVM, and only a JDK without one is asked by running it.
 */
class FindJdkScriptTest {

    private static final Path REPO = Path.of("").toAbsolutePath();

    /**
     * A stand-in JDK: bin/javac, and a bin/java that leaves a mark when run and answers like a JDK of
     * {@code answers}; with a release file of {@code release} when that is not null.
     */
    private static Path jdk(Path dir, String release, int answers) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        String script = "#!/bin/sh\ntouch \"$(dirname \"$0\")/ran\"\necho '    java.specification.version = " + answers + "' >&2\n";
        for (String tool : List.of("java", "javac")) {
            Files.writeString(bin.resolve(tool), script);
            Files.setPosixFilePermissions(bin.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        if (release != null) {
            Files.writeString(dir.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + release + "\"\nOS_NAME=\"Linux\"\n");
        }
        return dir;
    }

    /** The JAVA_HOME find-jdk.sh settles on when the given one is {@code home} (the tests' own JDK on PATH to fall back to). */
    private static String chosen(Path home) throws Exception {
        String path = Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin";
        var run = LocalCommand.run(List.of("bash", "-c", ". scripts/lib/find-jdk.sh && echo \"$JAVA_HOME\""),
                Map.of("JAVA_HOME", home.toString(), "PATH", path), REPO, Duration.ofMinutes(1));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return run.stdout().strip();
    }

    @Test
    void aJdkWithAReleaseFileIsJudgedByItWithoutStartingItsJvm(@TempDir Path dir) throws Exception {
        Path jdk = jdk(dir.resolve("jdk-25"), "25.0.3", 17); // the binary would say 17: the release file decides

        assertThat(chosen(jdk)).isEqualTo(jdk.toString());
        assertThat(jdk.resolve("bin/ran")).as("the JVM was not started").doesNotExist();
    }

    @Test
    void aReleaseFileOfAnOlderJdkRulesItOut(@TempDir Path dir) throws Exception {
        Path jdk = jdk(dir.resolve("jdk-21"), "21.0.2", 25);

        assertThat(chosen(jdk)).isNotEqualTo(jdk.toString());
        assertThat(jdk.resolve("bin/ran")).doesNotExist();
    }

    @Test
    void aJdkWithoutAReleaseFileIsAskedByRunningIt(@TempDir Path dir) throws Exception {
        Path jdk = jdk(dir.resolve("jdk-plain"), null, 25);

        assertThat(chosen(jdk)).isEqualTo(jdk.toString());
        assertThat(jdk.resolve("bin/ran")).exists();
    }
}
