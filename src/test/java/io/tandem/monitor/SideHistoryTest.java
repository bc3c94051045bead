package io.tandem.monitor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static io.tandem.testing.Fixtures.vmlab;
import static org.assertj.core.api.Assertions.assertThat;

/** When each side was last Primary and last served sessions, kept across restarts for the split-brain dialog. */
class SideHistoryTest {

    @Test
    void recordsThePrimaryAndServingSideAndKeepsTheTimeAfterItEnds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sides.json");
        SideHistory h = new SideHistory(file);
        Instant t1 = Instant.parse("2026-12-02T08:00:00Z");
        Scenario s = VmLabScenarios.healthy();
        h.observe(s.read(), t1);
        assertThat(h.lastPrimary("node1", "r0")).contains(t1);
        assertThat(h.lastPrimary("node2", "r0")).isEmpty();
        assertThat(h.lastServing("node1")).contains(t1);
        assertThat(Files.exists(file)).as("nothing ended yet: nothing written").isFalse();

        s.silent("node1", "down").fact("node2", StatusScript.CRM_MON, "");
        h.observe(s.read(), t1.plusSeconds(60));
        assertThat(h.lastPrimary("node1", "r0")).as("the time it was last seen Primary, not the time it stopped").contains(t1);
        assertThat(Files.exists(file)).as("written when a side stopped being Primary").isTrue();
        assertThat(new SideHistory(file).lastServing("node1")).contains(t1);
        assertThat(vmlab("node1.on-node1.proc_drbd.txt")).contains("Primary/Secondary");
    }
}
