package io.tandem.facts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrbdStatusJsonParserTest {

    @Test
    void aHealthyNodeReadsAsEightFourWould() throws FactParseException {
        List<DrbdDeviceState> states = DrbdStatusJsonParser.parse(Fixture.drbd9("node1.healthy.status.json"));

        assertThat(states).containsExactly(
                new DrbdDeviceState(0, "Connected", "Primary", "Secondary", "UpToDate", "UpToDate", 0, null),
                new DrbdDeviceState(1, "Connected", "Primary", "Secondary", "UpToDate", "UpToDate", 0, null),
                new DrbdDeviceState(2, "Connected", "Primary", "Secondary", "UpToDate", "UpToDate", 0, null));
    }

    @Test
    void aResyncGivesPercentTotalRateAndTimeLeft() throws FactParseException {
        DrbdDeviceState r0 = minor(DrbdStatusJsonParser.parse(Fixture.drbd9("node1.syncing.status.json")), 0);

        assertThat(r0.connectionState()).isEqualTo("SyncSource");
        assertThat(r0.peerDiskState()).isEqualTo("Inconsistent");
        assertThat(r0.outOfSyncKiB()).isEqualTo(574396);
        DrbdDeviceState.SyncProgress sync = r0.sync();
        assertThat(sync.verify()).isFalse();
        // rs-total is in sectors: 2097016 / 2 KiB, the device's whole size.
        assertThat(sync.totalKiB()).isEqualTo(1048508);
        assertThat(sync.remainingKiB()).isEqualTo(574396);
        assertThat(sync.percentDone()).isEqualTo(45.22);
        assertThat(sync.finish()).isEqualTo(Duration.ofSeconds(14));
        // 40.00 MiB/s over the last interval.
        assertThat(sync.speedKiBPerSecond()).isEqualTo(40960);
    }

    @Test
    void aVerifyCountsWhatIsLeftToCompareAndNoTransferMeansNoEstimate() throws FactParseException {
        List<DrbdDeviceState> states = DrbdStatusJsonParser.parse(Fixture.drbd9("node1.syncing.status.json"));

        DrbdDeviceState verifying = minor(states, 1);
        assertThat(verifying.connectionState()).isEqualTo("VerifyS");
        assertThat(verifying.sync().verify()).isTrue();
        assertThat(verifying.sync().remainingKiB()).isEqualTo(524288);
        assertThat(verifying.sync().percentDone()).isEqualTo(50.0);

        DrbdDeviceState waiting = minor(states, 2);
        assertThat(waiting.sync().percentDone()).isZero();
        assertThat(waiting.sync().finish()).as("987654321 s is drbdsetup's 'no estimate'").isNull();
        assertThat(waiting.sync().speedKiBPerSecond()).isZero();
    }

    @Test
    void aCutLinkReadsWaitingForConnectionOrStandAlone() throws FactParseException {
        List<DrbdDeviceState> states = DrbdStatusJsonParser.parse(Fixture.drbd9("node1.disconnected.status.json"));

        assertThat(minor(states, 0)).isEqualTo(new DrbdDeviceState(0, "WFConnection", "Primary", "Unknown", "UpToDate", "DUnknown", 1234, null));
        assertThat(minor(states, 1).connectionState()).isEqualTo("StandAlone");
        assertThat(minor(states, 2).peerDiskState()).isEqualTo("Outdated");
    }

    @Test
    void aResourceWithoutConnectionsIsAlone() throws FactParseException {
        List<DrbdDeviceState> states = DrbdStatusJsonParser.parse(Fixture.drbd9("node2.alone.status.json"));

        assertThat(minor(states, 0)).isEqualTo(new DrbdDeviceState(0, "Connected", "Secondary", "Primary", "UpToDate", "UpToDate", 0, null));
        assertThat(minor(states, 1)).isEqualTo(new DrbdDeviceState(1, "StandAlone", "Secondary", "Unknown", "Outdated", "DUnknown", 0, null));
        assertThat(minor(states, 2).diskState()).isEqualTo("Outdated");
    }

    @Test
    void noResourcesIsAnEmptyArray() throws FactParseException {
        assertThat(DrbdStatusJsonParser.parse("[\n]\n\n")).isEmpty();
    }

    @Test
    void cutOrStrangeOutputIsRefusedWithTheReason() {
        String healthy = Fixture.drbd9("node1.healthy.status.json");
        assertThatThrownBy(() -> DrbdStatusJsonParser.parse(healthy.substring(0, healthy.length() / 2)))
                .isInstanceOf(FactParseException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> DrbdStatusJsonParser.parse("{\"name\": \"r0\"}"))
                .isInstanceOf(FactParseException.class).hasMessageContaining("array of resources");
        assertThatThrownBy(() -> DrbdStatusJsonParser.parse("[{\"name\": \"r0\", \"role\": \"Primary\", \"devices\": [{\"volume\": 0, \"disk-state\": \"UpToDate\"}]}]"))
                .isInstanceOf(FactParseException.class).hasMessageContaining("'minor'");
        assertThatThrownBy(() -> DrbdStatusJsonParser.parse(""))
                .isInstanceOf(FactParseException.class).hasMessageContaining("empty");
    }

    private static DrbdDeviceState minor(List<DrbdDeviceState> states, int minor) {
        return states.stream().filter(s -> s.minor() == minor).findFirst().orElseThrow();
    }
}
