package io.tandem.facts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcDrbdParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "node1.drbd-synced.proc_drbd.txt,      Connected,    Primary,   Secondary, UpToDate, UpToDate, 0",
            "node2.drbd-synced.proc_drbd.txt,      Connected,    Secondary, Primary,   UpToDate, UpToDate, 0",
            "node1.healthy.proc_drbd.txt,          Connected,    Secondary, Primary,   UpToDate, UpToDate, 0",
            "node2.healthy.proc_drbd.txt,          Connected,    Primary,   Secondary, UpToDate, UpToDate, 0",
            "node1.partitioned.proc_drbd.txt,      Connected,    Primary,   Secondary, UpToDate, UpToDate, 0",
            "node2.partitioned.proc_drbd.txt,      Connected,    Secondary, Primary,   UpToDate, UpToDate, 0",
            "node1.node1-rejoined.proc_drbd.txt,   Connected,    Secondary, Primary,   UpToDate, UpToDate, 0",
            "node2.after-node1-loss.proc_drbd.txt, WFConnection, Primary,   Unknown,   UpToDate, Outdated, 956",
    })
    void readsEveryLabState(String fixture, String cs, String role, String peerRole, String disk, String peerDisk, long oos)
            throws FactParseException {
        assertThat(ProcDrbdParser.parse(Fixture.vmlab(fixture)))
                .containsExactly(new DrbdDeviceState(0, cs, role, peerRole, disk, peerDisk, oos, null));
    }

    @Test
    void readsResyncProgressInKibAndMib() throws FactParseException {
        List<DrbdDeviceState> devices = ProcDrbdParser.parse(Fixture.local("proc_drbd.syncing.documented.txt"));

        assertThat(devices).extracting(DrbdDeviceState::minor).containsExactly(0, 1, 2, 4);
        DrbdDeviceState source = devices.get(0);
        assertThat(source.connectionState()).isEqualTo("SyncSource");
        assertThat(source.peerDiskState()).isEqualTo("Inconsistent");
        assertThat(source.outOfSyncKiB()).isEqualTo(574_396);
        assertThat(source.sync()).isEqualTo(new DrbdDeviceState.SyncProgress(false, 45.3, 574_396, 1_048_508, Duration.ofSeconds(14), 39_508));

        DrbdDeviceState standAlone = devices.get(1);
        assertThat(standAlone.connectionState()).isEqualTo("StandAlone");
        assertThat(standAlone.peerDiskState()).isEqualTo("DUnknown");
        assertThat(standAlone.isSyncing()).isFalse();

        DrbdDeviceState target = devices.get(2);
        assertThat(target.sync().totalKiB()).as("MiB above 4 GiB").isEqualTo(10_240L * 1024);
        assertThat(target.sync().remainingKiB()).isEqualTo(8_192L * 1024);
        assertThat(target.sync().finish()).isEqualTo(Duration.ofMinutes(3).plusSeconds(24));
        assertThat(target.sync().speedKiBPerSecond()).isEqualTo(40_960);

        assertThat(devices.get(3).isConfigured()).isFalse();
        assertThat(devices.get(3).role()).isNull();
    }

    @Test
    void anUnloadedModuleHasNoDevices() throws FactParseException {
        assertThat(ProcDrbdParser.parse("")).isEmpty();
    }

    @Test
    void refusesWhatIsNotProcDrbd() {
        assertThatThrownBy(() -> ProcDrbdParser.parse("cat: /proc/drbd: No such file or directory\n"))
                .isInstanceOf(FactParseException.class).hasMessageStartingWith("/proc/drbd: expected 'version:' first");
        assertThatThrownBy(() -> ProcDrbdParser.parse("version: 8.4.11 (api:1/proto:86-101)\nsomething else\n"))
                .isInstanceOf(FactParseException.class).hasMessage("/proc/drbd: unexpected line: something else");
        assertThatThrownBy(() -> ProcDrbdParser.parse("version: 8.4.11 (api:1/proto:86-101)\n 99999999999: cs:Connected\n"))
                .isInstanceOf(FactParseException.class);
    }
}
