package io.tandem.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemInfoParserTest {

    @Test
    void readsTotalAndAvailableInBytes() throws FactParseException {
        assertThat(MemInfoParser.parse(Fixture.local("proc_meminfo.txt")))
                .isEqualTo(new MemInfo(24_684_096L * 1024, 24_334_044L * 1024));
    }

    @Test
    void estimatesAvailableOnKernelsWithoutMemAvailable() throws FactParseException {
        assertThat(MemInfoParser.parse("MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 10 kB\nCached: 200 kB\nHugePages_Total: 0\n"))
                .isEqualTo(new MemInfo(1_024_000, 310 * 1024));
    }

    @Test
    void refusesOtherText() {
        assertThatThrownBy(() -> MemInfoParser.parse("MemTotal: lots\n")).isInstanceOf(FactParseException.class)
                .hasMessage("/proc/meminfo: expected 'Key: number kB', got: MemTotal: lots");
        assertThatThrownBy(() -> MemInfoParser.parse("MemFree: 100 kB\n")).isInstanceOf(FactParseException.class)
                .hasMessage("/proc/meminfo: no MemTotal line");
    }
}
