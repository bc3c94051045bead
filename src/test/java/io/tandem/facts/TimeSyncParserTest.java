package io.tandem.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeSyncParserTest {

    @Test
    void readsASynchronisedChrony() throws FactParseException {
        TimeSync sync = TimeSyncParser.parse(Fixture.local("chronyc_n_tracking.synchronised.txt"));

        assertThat(sync.synced()).isTrue();
        assertThat(sync.source()).isEqualTo("127.0.0.1");
        assertThat(sync.offsetSeconds()).as("'0.000001161 seconds fast'").isEqualTo(0.000001161);
    }

    @Test
    void readsASlowClockAsANegativeOffset() throws FactParseException {
        String slow = Fixture.local("chronyc_n_tracking.synchronised.txt").replace("seconds fast of NTP time", "seconds slow of NTP time");

        assertThat(TimeSyncParser.parse(slow).offsetSeconds()).isEqualTo(-0.000001161);
    }

    @Test
    void readsAnUnsynchronisedChrony() throws FactParseException {
        assertThat(TimeSyncParser.parse(Fixture.local("chronyc_n_tracking.unsynchronised.txt"))).isEqualTo(new TimeSync(false, null, null));
    }

    @Test
    void aChronyServingOnlyItsOwnClockIsNotSynchronised() throws FactParseException {
        assertThat(TimeSyncParser.parse(Fixture.local("chronyc_n_tracking.local_reference.txt")))
                .as("Leap status says Normal, but the reference is 127.127.1.1")
                .isEqualTo(new TimeSync(false, "local clock", null));
    }

    @Test
    void readsTimedatectlWithAndWithoutPropertyNames() throws FactParseException {
        assertThat(TimeSyncParser.parse(Fixture.local("timedatectl_show.documented.txt"))).isEqualTo(new TimeSync(true, null, null));
        assertThat(TimeSyncParser.parse(Fixture.local("timedatectl_show_value.documented.txt"))).isEqualTo(new TimeSync(false, null, null));
    }

    @Test
    void refusesOtherOutput() {
        assertThatThrownBy(() -> TimeSyncParser.parse("506 Cannot talk to daemon\n")).isInstanceOf(FactParseException.class)
                .hasMessageStartingWith("time synchronisation: expected NTPSynchronized yes or no");
        assertThatThrownBy(() -> TimeSyncParser.parse("")).isInstanceOf(FactParseException.class);
        assertThatThrownBy(() -> TimeSyncParser.parse("Reference ID    : 7F000001 (127.0.0.1)\nStratum : 9\n"))
                .isInstanceOf(FactParseException.class).hasMessage("time synchronisation: chronyc tracking without 'Leap status'");
        assertThatThrownBy(() -> TimeSyncParser.parse("Reference ID    : none\nLeap status     : Normal\n"))
                .isInstanceOf(FactParseException.class).hasMessageContaining("unexpected Reference ID");
    }
}
