package io.tandem.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WipefsParserTest {

    @Test
    void findsTheExt4OnTheLoopDevice() throws FactParseException {
        assertThat(WipefsParser.parse(Fixture.local("wipefs_n_J.loop_ext4.txt"))).singleElement().satisfies(signature -> {
            assertThat(signature).isEqualTo(new Signature("loop0", 0x438, "ext4", "0d341b32-def9-4dd2-b18b-f1f2a6a95dc5", "tandemtest"));
            assertThat(signature.describe()).isEqualTo("has an ext4 filesystem");
        });
    }

    @Test
    void findsThePartitionTable() throws FactParseException {
        assertThat(WipefsParser.parse(Fixture.local("wipefs_n_J.loop_mbr.txt"))).singleElement().satisfies(signature -> {
            assertThat(signature.type()).isEqualTo("dos");
            assertThat(signature.offset()).isEqualTo(510);
            assertThat(signature.uuid()).isNull();
            assertThat(signature.describe()).isEqualTo("has a dos partition table");
        });
        assertThat(WipefsParser.parse(Fixture.local("wipefs_n_J.loop_mbr_p1.txt"))).extracting(Signature::device, Signature::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("loop2p1", "part1"));
    }

    @Test
    void aBlankDeviceHasNoSignaturesWhicheverWayWipefsSaysIt() throws FactParseException {
        assertThat(WipefsParser.parse(Fixture.local("wipefs_n_J.loop_blank.txt"))).isEmpty();
        assertThat(WipefsParser.parse("")).isEmpty();
    }

    @Test
    void refusesErrorsAndOddJson() {
        assertThatThrownBy(() -> WipefsParser.parse("wipefs: error: /dev/sdx: probing initialization failed: No such file or directory"))
                .isInstanceOf(FactParseException.class);
        assertThatThrownBy(() -> WipefsParser.parse("{\"signatures\": [{\"device\": \"sda\", \"offset\": \"0xZZ\", \"type\": \"gpt\"}]}"))
                .isInstanceOf(FactParseException.class).hasMessage("wipefs -n -J: offset is not a number: 0xZZ");
        assertThatThrownBy(() -> WipefsParser.parse("[]")).isInstanceOf(FactParseException.class)
                .hasMessage("wipefs -n -J: expected an object with 'signatures'");
    }

    @Test
    void quotesTheDevice() {
        assertThat(WipefsParser.command("/dev/vdb")).isEqualTo("wipefs -n -J /dev/vdb");
    }
}
