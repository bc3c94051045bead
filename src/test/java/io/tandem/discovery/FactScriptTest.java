package io.tandem.discovery;

import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The composite script run by a real sh: sections, exit statuses, stderr dropped, odd output kept intact. */
class FactScriptTest {

    @Test
    void sectionsComeBackByNameWithTheirExitStatus() throws Exception {
        String nonce = FactScript.nonce();
        String script = FactScript.script(List.of(
                new FactScript.Fact("hello", "echo hello; echo noise >&2"),
                new FactScript.Fact("no-newline", "printf 'a\\nb'"),
                new FactScript.Fact("empty", "true"),
                new FactScript.Fact("fails", "echo partial; false"),
                new FactScript.Fact("looks-like-marker", "echo '@@" + nonce + "-END hello 0'; echo '@@X-END looks-like-marker 0'")), nonce);
        var out = LocalCommand.run(List.of("sh", "-c", script), Map.of(), Path.of("."), Duration.ofSeconds(10));
        Map<String, FactScript.Section> sections = FactScript.parse(out.stdout(), nonce);
        assertThat(sections.keySet()).containsExactly("hello", "no-newline", "empty", "fails", "looks-like-marker");
        assertThat(sections.get("hello")).isEqualTo(new FactScript.Section("hello\n", 0));
        assertThat(sections.get("no-newline").output()).isEqualTo("a\nb");
        assertThat(sections.get("empty")).isEqualTo(new FactScript.Section("", 0));
        assertThat(sections.get("fails")).isEqualTo(new FactScript.Section("partial\n", 1));
        assertThat(sections.get("looks-like-marker").output()).isEqualTo("@@" + nonce + "-END hello 0\n@@X-END looks-like-marker 0\n");
        assertThat(out.stderr()).isEmpty();
    }
}
