package io.tandem.cli;

import io.tandem.testing.Examples;
import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar (with its dependencies) runs the CLI on JDK 25: what ./tandem and users run. */
class JarLaunchIT {

    private static final Path JAR = Path.of("target/tandem.jar");

    private static LocalCommand.Output java(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return LocalCommand.run(command, Map.of(), Path.of("."), Duration.ofSeconds(120));
    }

    @Test
    void helpAndVersionRunFromTheJar() throws Exception {
        var help = java("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("Usage: tandem", "export");
        assertThat(java("--version").stdout()).contains("Tandem");
    }

    @Test
    void exportRunsFromTheJar(@TempDir Path dir) throws Exception {
        var export = java("export", "--project", Examples.SEED.toString(), "--out", dir.resolve("b").toString());
        assertThat(export.exitCode()).as(export.stderr()).isZero();
        assertThat(dir.resolve("b/MANIFEST.sha256")).exists();
    }

    @Test
    void theBuiltInDemoIsInsideTheJar(@TempDir Path dir) throws Exception {
        var demo = java("demo", "--out", dir.resolve("d.tandem.json").toString());
        assertThat(demo.exitCode()).as(demo.stderr()).isZero();
        assertThat(java("validate", "--project", dir.resolve("d.tandem.json").toString()).exitCode()).isZero();
    }

    @Test
    void userErrorsGiveExitTwoAndNoStackTrace() throws Exception {
        var bad = java("validate", "--project", "/nonexistent/x.tandem.json");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr()).contains("does not exist").doesNotContain("Exception");
    }
}
