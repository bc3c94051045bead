package io.tandem.cli;

import io.tandem.testing.Examples;
import io.tandem.testing.TandemJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar (with its dependencies) runs the CLI on JDK 25: what ./tandem and users run. */
class JarLaunchIT {

    @Test
    void helpAndVersionRunFromTheJar() throws Exception {
        var help = TandemJar.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("Usage: tandem", "export");
    }

    /** The version line of the packaged jar is this build's (BuildInfoTest: the commit is git's HEAD). */
    @Test
    void versionNamesTheBuild() throws Exception {
        var version = TandemJar.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout()).isEqualTo(io.tandem.build.BuildInfo.current().line() + "\n")
                .matches("Tandem \\S+ \\((commit [0-9a-f]{10} of \\d{4}-\\d{2}-\\d{2}( with local changes)?|unknown commit), "
                        + "built \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\)\n");
    }

    @Test
    void exportRunsFromTheJar(@TempDir Path dir) throws Exception {
        var export = TandemJar.run("export", "--project", Examples.SEED.toString(), "--out", dir.resolve("b").toString());
        assertThat(export.exitCode()).as(export.stderr()).isZero();
        assertThat(dir.resolve("b/MANIFEST.sha256")).exists();
    }

    @Test
    void theBuiltInDemoIsInsideTheJar(@TempDir Path dir) throws Exception {
        var demo = TandemJar.run("demo", "--out", dir.resolve("d.tandem.json").toString());
        assertThat(demo.exitCode()).as(demo.stderr()).isZero();
        assertThat(TandemJar.run("validate", "--project", dir.resolve("d.tandem.json").toString()).exitCode()).isZero();
    }

    @Test
    void userErrorsGiveExitTwoAndNoStackTrace() throws Exception {
        var bad = TandemJar.run("validate", "--project", "/nonexistent/x.tandem.json");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr()).contains("does not exist").doesNotContain("Exception");
    }
}
