package io.tandem.facts;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiskStatsParserTest {

    @Test
    void everyDeviceWithItsCounters() throws FactParseException {
        Map<String, DiskCounters> disks = DiskStatsParser.parse(Fixture.local("proc_diskstats.after_io.txt"));
        assertThat(disks).containsKeys("loop0", "vda", "zram0");
        // The loop device got 1000 direct reads and 2000 direct writes of 4 KiB (see fixtures/local/README.md).
        assertThat(disks.get("loop0")).isEqualTo(new DiskCounters("loop0", 1000, 13, 2000, 54, 0));
    }

    @Test
    void latencyOverAnIntervalIsTheTicksOverTheIos() throws FactParseException {
        DiskCounters before = DiskStatsParser.parse(Fixture.local("proc_diskstats.before_io.txt")).get("loop0");
        DiskCounters after = DiskStatsParser.parse(Fixture.local("proc_diskstats.after_io.txt")).get("loop0");
        DiskCounters idle = DiskStatsParser.parse(Fixture.local("proc_diskstats.idle_loop.txt")).get("loop0");
        DiskCounters.Activity busy = after.since(before).orElseThrow();
        assertThat(busy.ios()).isEqualTo(3000);
        assertThat(busy.millis()).isEqualTo(67);
        assertThat(busy.averageMillis()).isEqualTo(67.0 / 3000);
        DiskCounters.Activity none = idle.since(after).orElseThrow();
        assertThat(none.ios()).isZero();
        assertThat(none.averageMillis()).isNaN();
    }

    @Test
    void theSystemDiskOfTheSameCapture() throws FactParseException {
        DiskCounters before = DiskStatsParser.parse(Fixture.local("proc_diskstats.after_io.txt")).get("vda");
        DiskCounters after = DiskStatsParser.parse(Fixture.local("proc_diskstats.idle_loop.txt")).get("vda");
        DiskCounters.Activity a = after.since(before).orElseThrow();
        assertThat(a.ios()).isEqualTo((43104 - 42791) + (86741 - 86685));
        assertThat(a.millis()).isEqualTo((11937 - 11809) + (24786 - 24769));
    }

    @Test
    void timeCountersWrapAt32BitsAndADiskThatCameBackIsNotCompared() {
        DiskCounters before = new DiskCounters("sdb", 10, DiskCounters.TICKS_WRAP - 5, 0, 0, 0);
        DiskCounters after = new DiskCounters("sdb", 12, 3, 0, 0, 0);
        assertThat(after.since(before).orElseThrow().millis()).isEqualTo(8);
        DiskCounters relogged = new DiskCounters("sdb", 1, 1, 0, 0, 0);
        assertThat(relogged.since(before)).isEmpty();
    }

    @Test
    void theFieldsOfSysBlockStatAreTheSame() throws FactParseException {
        String sys = Fixture.local("sys_block_loop0_stat.after_io.txt").strip();
        String proc = Fixture.local("proc_diskstats.after_io.txt").lines().filter(l -> l.contains(" loop0 ")).findFirst().orElseThrow();
        assertThat(proc.strip().split("\\s+", 4)[3].split("\\s+")).containsExactly(sys.split("\\s+"));
    }

    @Test
    void oldKernelsPrintElevenCountersAndAnythingShorterIsRefused() throws FactParseException {
        assertThat(DiskStatsParser.parse("   8       0 sda 5 0 40 7 3 0 24 2 1 9 9\n").get("sda"))
                .isEqualTo(new DiskCounters("sda", 5, 7, 3, 2, 1));
        assertThatThrownBy(() -> DiskStatsParser.parse("   8       0 sda 5 0 40 7\n")).isInstanceOf(FactParseException.class)
                .hasMessageContaining("/proc/diskstats");
        assertThatThrownBy(() -> DiskStatsParser.parse("   8       0 sda 5 0 40 7 3 0 24 x 1 9 9\n")).isInstanceOf(FactParseException.class);
    }
}
