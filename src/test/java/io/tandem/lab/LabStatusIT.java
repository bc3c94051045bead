package io.tandem.lab;

import io.tandem.monitor.Assessment;
import io.tandem.monitor.ClusterSnapshot;
import io.tandem.monitor.Finding;
import io.tandem.monitor.HealthRules;
import io.tandem.monitor.Verdict;
import io.tandem.testing.LabEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A status round over real SSH against the namespace lab: one round trip per host per round once
 * logged in, every fact of the script parsed, and, since the lab runs no Pacemaker, DRBD, bonds or
 * open-iscsi, findings that say so in words (that is the point: a cluster that is not there is
 * reported, not crashed on). Prints the round's wall time for two nodes and one client.
 */
class LabStatusIT {

    @TempDir
    Path dir;

    @Test
    void oneRoundTripPerHostAndTheMissingClusterInWords() throws Exception {
        LabEnv lab = LabEnv.require();
        try (LabStatusRounds rounds = new LabStatusRounds(lab, dir.resolve("kh"))) {
            ClusterSnapshot first = rounds.round();
            assertThat(rounds.trips.getFirst()).as("the first round logs in, then runs one script").containsOnly(
                    Map.entry("node1", 2), Map.entry("node2", 2), Map.entry("client", 2));
            for (int i = 0; i < 5; i++) {
                rounds.round();
            }
            assertThat(rounds.trips.subList(1, rounds.trips.size())).allSatisfy(t -> assertThat(t.values()).containsOnly(1));
            System.out.println("LabStatusIT: one status round, 2 nodes + 1 client over SSH: " + rounds.wallFigures()
                    + "; first round with logins " + rounds.walls.getFirst().toMillis() + " ms; SSH round trips per host per round: 1");

            ClusterSnapshot s = rounds.last;
            assertThat(first.problems()).noneMatch(p -> p.matches("(node1|node2|client) did not answer.*"));
            ClusterSnapshot.NodeRead node1 = s.nodeRead("node1").orElseThrow();
            assertThat(node1.answered()).isTrue();
            assertThat(node1.uptime()).isPositive();
            assertThat(node1.clockOffset().abs()).as("the lab shares this machine's clock").isLessThan(Duration.ofMillis(500));
            assertThat(node1.problems()).as("iptables -S as root in node1's namespace, configfs absent: both read").isEmpty();
            assertThat(node1.portBlocks()).isEmpty();
            assertThat(node1.target()).as("no LIO target in the lab").isNotNull().extracting(t -> t.present()).isEqualTo(false);

            Assessment a = HealthRules.judge(rounds.project, s);
            assertThat(a.verdict()).isEqualTo(Verdict.DOWN);
            assertThat(a.findings()).extracting(Finding::code).contains("cluster.not-running", "drbd.unconfigured", "bond.down", "fencing.none");
            assertThat(a.findings()).filteredOn(f -> f.code().equals("cluster.not-running")).singleElement()
                    .satisfies(f -> assertThat(f.reason()).contains("Pacemaker does not answer on node1 (crm_mon: ", "node2 ("));
            assertThat(a.findings()).filteredOn(f -> f.code().equals("bond.down")).extracting(Finding::reason)
                    .contains("bond1 does not exist on node2: node2 has no replication link.");
            assertThat(a.findings()).filteredOn(f -> f.code().equals("drbd.unconfigured")).extracting(Finding::reason)
                    .contains("r0 is not running on node1 or node2 (no /dev/drbd0): no copy of its data is kept in step.");
            // The lab's client is this machine's file system: without open-iscsi (as scripts/install-test-deps leaves it) that is said, with it there is no session.
            assertThat(a.findings()).extracting(Finding::code).containsAnyOf("client.unreadable", "client.no-session");
            System.out.println("LabStatusIT: verdict " + a.verdict().word() + "; findings: " + a.findings().stream().map(Finding::code).toList());
        }
    }
}
