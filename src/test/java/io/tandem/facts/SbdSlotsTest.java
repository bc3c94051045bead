package io.tandem.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code sbd -d DEV list} (sbd 1.5.2) on a loop device: after create, with slots allocated, with messages; a blank and a missing disk. */
class SbdSlotsTest {

    @Test
    void slotsWithTheirMessagesAndSenders() throws FactParseException {
        assertThat(SbdSlots.parse(Fixture.local("sbd_list.loop_clear.txt"))).containsExactly(new SbdSlots.Slot(0, "node1", "clear", null),
                new SbdSlots.Slot(1, "node2", "clear", null));
        assertThat(SbdSlots.parse(Fixture.local("sbd_list.loop_reset.txt"))).containsExactly(new SbdSlots.Slot(0, "node1", "clear", null),
                new SbdSlots.Slot(1, "node2", "reset", "vm"));
        assertThat(SbdSlots.parse(Fixture.local("sbd_list.loop_off.txt"))).extracting(SbdSlots.Slot::message).containsExactly("off", "clear");
        assertThat(SbdSlots.of(SbdSlots.parse(Fixture.local("sbd_list.loop_reset.txt")), "node2")).get()
                .extracting(SbdSlots.Slot::clear).isEqualTo(false);
    }

    @Test
    void aFreshHeaderHasNoSlotsAndABlankOrMissingDiskPrintsNothingButFails() throws FactParseException {
        assertThat(SbdSlots.parse(Fixture.local("sbd_list.loop_empty.txt"))).isEmpty();
        assertThat(Fixture.local("sbd_list.loop_empty.rc").strip()).isEqualTo("0");
        for (String disk : new String[] {"blank", "missing"}) {
            assertThat(Fixture.local("sbd_list.loop_" + disk + ".txt")).isEmpty();
            assertThat(Fixture.local("sbd_list.loop_" + disk + ".rc").strip()).isEqualTo("1");
        }
        assertThat(SbdSlots.command("/dev/disk/by-id/a b")).isEqualTo("sbd -d '/dev/disk/by-id/a b' list");
    }

    @Test
    void otherTextIsRefused() {
        assertThatThrownBy(() -> SbdSlots.parse(Fixture.local("sbd_list.loop_blank.stderr.txt"))).isInstanceOf(FactParseException.class);
        assertThatThrownBy(() -> SbdSlots.parse("0 node1 clear\n")).isInstanceOf(FactParseException.class);
    }
}
