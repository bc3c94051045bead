package io.tandem.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnameParserTest {

    @Test
    void readsUnameAFromTheLab() throws FactParseException {
        assertThat(UnameParser.parse(Fixture.vmlab("node1.static.uname_a.txt"))).isEqualTo(new Uname("6.1.0-56-amd64", "x86_64"));
        assertThat(UnameParser.parse(Fixture.vmlab("client.static.uname_a.txt"))).isEqualTo(new Uname("6.1.0-56-amd64", "x86_64"));
    }

    @Test
    void readsUnameSrmFromThisMachine() throws FactParseException {
        assertThat(UnameParser.parse(Fixture.local("uname_srm.txt"))).isEqualTo(new Uname("6.18.44-fc-v595", "x86_64"));
    }

    @Test
    void readsUbuntuStyleUnameAWithProcessorAndPlatform() throws FactParseException {
        String ubuntu = "Linux n1 6.8.0-45-generic #45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 12:02:04 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux";

        assertThat(UnameParser.parse(ubuntu)).isEqualTo(new Uname("6.8.0-45-generic", "x86_64"));
    }

    @Test
    void refusesOtherKernelsAndOtherText() {
        assertThatThrownBy(() -> UnameParser.parse("Darwin 23.1.0 arm64")).isInstanceOf(FactParseException.class)
                .hasMessageContaining("expected a Linux kernel");
        assertThatThrownBy(() -> UnameParser.parse("Linux 6.1.0")).isInstanceOf(FactParseException.class);
        assertThatThrownBy(() -> UnameParser.parse("  \n")).isInstanceOf(FactParseException.class);
    }
}
