package io.tandem.text;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostTextTest {

    @Test
    void everyKindOfControlCharacterBecomesAVisibleEscape() {
        assertThat(HostText.line("a\u0000b\u0007c\u001b[2Jd\u007fe\u0085f\u009bg\rh")).isEqualTo("a\\x00b\\x07c\\x1b[2Jd\\x7fe\\x85f\\x9bg\\x0dh");
        assertThat(HostText.line("conf\u202eexe\u2066\u2069\u200e\u200f\u061c\u2028\u2029"))
                .isEqualTo("conf\\u202eexe\\u2066\\u2069\\u200e\\u200f\\u061c\\u2028\\u2029");
    }

    @Test
    void oneLineEscapesTabsAndNewlinesSeveralLinesKeepThem() {
        assertThat(HostText.line("a\tb\nc")).isEqualTo("a\\x09b\\x0ac");
        assertThat(HostText.lines("a\tb\nc\u001b")).isEqualTo("a\tb\nc\\x1b");
        assertThat(HostText.isSafe("a\tb\nc")).isTrue();
        assertThat(HostText.isSafe("a\u009b")).isFalse();
    }

    @Test
    void ordinaryTextIsUntouchedIncludingNonAsciiLetters() {
        String text = "Debian GNU/Linux 12 (bookworm) — Grüße, 日本, emoji \uD83D\uDE00, back\\slash";
        assertThat(HostText.line(text)).isSameAs(text);
    }

    /** A record like a host fact: nested, with optionals, lists, maps keyed by names, one multi-line field. */
    public record Inner(String name, @HostText.MultiLine String body) {
    }

    public record Outer(String title, Optional<String> maybe, List<Inner> inners, Map<String, Inner> byName, int count, Duration took) {
    }

    @Test
    void recordsAreEscapedAllTheWayDown() {
        Outer outer = new Outer("t\u001b", Optional.of("m\u009b"), List.of(new Inner("i\u001b", "l1\nl2\u001b")),
                Map.of("k\u202e", new Inner("n", "b\tc")), 3, Duration.ofSeconds(2));

        Outer escaped = HostTextRecords.escaped(outer);

        assertThat(escaped).isEqualTo(new Outer("t\\x1b", Optional.of("m\\x9b"), List.of(new Inner("i\\x1b", "l1\nl2\\x1b")),
                Map.of("k\\u202e", new Inner("n", "b\tc")), 3, Duration.ofSeconds(2)));
    }

    public record WithUnknownType(StringBuilder text) {
    }

    @Test
    void aTypeItCannotLookIntoFailsInsteadOfSlippingThrough() {
        assertThatThrownBy(() -> HostTextRecords.escaped(new WithUnknownType(new StringBuilder("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StringBuilder");
    }
}
