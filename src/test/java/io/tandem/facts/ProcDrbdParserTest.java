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

    /** Every resync line, hand-written or captured, holds the figures the kernel's formula gives. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"local/proc_drbd.syncing.documented.txt", "vmlab/node1.syncing.proc_drbd.txt", "vmlab/node2.syncing.proc_drbd.txt"})
    void everyResyncFollowsTheKernelsFormula(String fixture) throws FactParseException {
        String[] where = fixture.split("/");
        List<DrbdDeviceState> syncing = ProcDrbdParser.parse(where[0].equals("local") ? Fixture.local(where[1]) : Fixture.vmlab(where[1]))
                .stream().filter(DrbdDeviceState::isSyncing).toList();

        assertThat(syncing).isNotEmpty().allSatisfy(d -> {
            DrbdDeviceState.SyncProgress sync = d.sync();
            assertThat(sync.percentDone()).as("minor %d", d.minor()).isEqualTo(DrbdKernelFormula.percentDone(sync.remainingKiB(), sync.totalKiB()));
            // MiB figures are the kernel's KiB cut to 4 MiB; the oos field keeps every KiB.
            assertThat(d.outOfSyncKiB()).as("minor %d oos", d.minor()).isBetween(sync.remainingKiB(), sync.remainingKiB() + 4095);
        });
    }

    /**
     * Above 4 GiB the kernel shows MiB. No lab disk is that large, so this fixture is written by
     * hand (fixtures/local/README.md): a 10 GiB device, minors 0, 1 and 3 unused, 4 unconfigured.
     * Its figures follow the kernel's formulas (checked for every resync above), so only the
     * reading of the MiB form is asserted here.
     */
    @Test
    void readsResyncProgressInMibAboveFourGib() throws FactParseException {
        List<DrbdDeviceState> devices = ProcDrbdParser.parse(Fixture.local("proc_drbd.syncing.documented.txt"));

        assertThat(devices).extracting(DrbdDeviceState::minor).containsExactly(2, 4);
        DrbdDeviceState target = devices.get(0);
        assertThat(target.connectionState()).isEqualTo("SyncTarget");
        assertThat(target.diskState()).isEqualTo("Inconsistent");
        assertThat(target.sync().totalKiB()).as("MiB above 4 GiB").isEqualTo(10_236L * 1024);
        assertThat(target.sync().remainingKiB()).isEqualTo(8_188L * 1024);
        assertThat(target.sync().finish()).isEqualTo(Duration.ofMinutes(3).plusSeconds(24));
        assertThat(target.sync().speedKiBPerSecond()).as("the recent speed, not the average or the wanted one").isEqualTo(41_080);

        assertThat(devices.get(1).isConfigured()).isFalse();
        assertThat(devices.get(1).role()).isNull();
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
