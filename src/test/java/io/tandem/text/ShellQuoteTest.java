package io.tandem.text;

import io.tandem.verify.LocalCommand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Quoting is checked by a real shell: whatever goes in comes out as one literal word. */
class ShellQuoteTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a;reboot", "$(id)", "`id`", "it's", "say \"hi\"", "line\nbreak", "a b", "x|y&z", "", "'", "*", "~root", "-n"})
    void aQuotedValueIsOneLiteralWordForSh(String value) throws Exception {
        var out = LocalCommand.run(List.of("sh", "-c", "set -- " + ShellQuote.quote(value) + "; printf '%s' \"$1\"; printf '|%s' \"$#\""),
                Map.of(), Path.of("."), Duration.ofSeconds(10));
        assertThat(out.stdout()).isEqualTo(value + "|1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"node1", "192.168.50.100:3260", "iqn.2024-01.test.lab:store", "ip=10.0.0.1"})
    void safeWordsStayReadable(String value) {
        assertThat(ShellQuote.quote(value)).isEqualTo(value);
    }
}
