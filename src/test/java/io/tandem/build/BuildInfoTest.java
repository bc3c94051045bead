package io.tandem.build;

import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class BuildInfoTest {

    private static Properties properties(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void aBuildFromGitNamesItsCommitAndDate() {
        var info = BuildInfo.of(properties("version", "0.2.0", "built", "2026-12-02 05:44"),
                properties("git.commit.id.abbrev", "0c958eb47d", "git.commit.time", "2026-12-01", "git.dirty", "false"));
        assertThat(info.line()).isEqualTo("Tandem 0.2.0 (commit 0c958eb47d of 2026-12-01, built 2026-12-02 05:44 UTC)");
        var dirty = BuildInfo.of(properties("version", "0.2.0"), properties("git.commit.id.abbrev", "0c958eb47d", "git.dirty", "true"));
        assertThat(dirty.line()).isEqualTo("Tandem 0.2.0 (commit 0c958eb47d with local changes)");
    }

    @Test
    void withoutGitTheCommitIsUnknown() {
        var info = BuildInfo.of(properties("version", "0.2.0", "built", "2026-12-02 05:44"), new Properties());
        assertThat(info.commit()).isEmpty();
        assertThat(info.line()).isEqualTo("Tandem 0.2.0 (unknown commit, built 2026-12-02 05:44 UTC)");
    }

    @Test
    void unfilteredPlaceholdersCountAsUnknown() {
        var info = BuildInfo.of(properties("version", "${project.version}", "built", "${tandem.build.time}"), new Properties());
        assertThat(info.version()).isEqualTo("development build");
        assertThat(info.built()).isEmpty();
    }

    /** Maven filled in this build's files: the pom's version, today's kind of date, and git's HEAD. */
    @Test
    void thisBuildIsTheCheckoutsHead() throws Exception {
        var info = BuildInfo.current();
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<version>" + info.version() + "</version>");
        assertThat(info.built()).hasValueSatisfying(b -> assertThat(b).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"));
        if (Files.exists(Path.of(".git")) && LocalCommand.find("git").isPresent()) {
            var head = LocalCommand.run(List.of("git", "rev-parse", "--short=10", "HEAD"), Map.of(), Path.of("").toAbsolutePath(),
                    Duration.ofSeconds(30));
            assertThat(info.commit()).isEqualTo(Optional.of(head.stdout().strip()));
            assertThat(info.commitDate()).hasValueSatisfying(d -> assertThat(d).matches("\\d{4}-\\d{2}-\\d{2}"));
        }
    }
}
