package io.tandem.monitor;

import io.tandem.discovery.FactScript;
import io.tandem.model.Project;
import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** How a status round asks its hosts: one script each, all at once; and the scripts themselves, run by the real sh here. */
class StatusReadTest {

    @Test
    void eachHostIsAskedOnceWithItsOwnFacts() throws Exception {
        Scenario s = VmLabScenarios.healthy();
        s.read();

        assertThat(s.reads).containsOnlyKeys("node1", "node2", "client");
        assertThat(s.reads.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(s.asked.get("node1")).containsExactly("clock-start", "uptime", "crm-mon", "proc-drbd", "drbd9-status", "bonding", "port-rules", "target", "sbd",
                "peer-pings", "clock");
        assertThat(s.asked.get("client")).containsExactly("clock-start", "uptime", "sessions", "disk-stats", "clock");
        assertThat(VmLabScenarios.vmLabLioT().read()).isNotNull();
        Project vmLab = Examples.read(Examples.VM_LAB);
        assertThat(StatusScript.node(vmLab, vmLab.nodes().getFirst())).extracting(FactScript.Fact::name).doesNotContain("sbd");
    }

    /** The round's wall time is the slowest host's, not the sum: every host waits until all three were asked. */
    @Test
    void theHostsAreAskedSideBySide() throws Exception {
        Scenario s = VmLabScenarios.healthy();
        CountDownLatch all = new CountDownLatch(3);
        StatusSource together = (host, facts) -> {
            all.countDown();
            try {
                assertThat(all.await(10, TimeUnit.SECONDS)).as("all hosts asked at once").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return s.source().read(host, facts);
        };
        assertThat(StatusRead.read(s.project(), together).clientReads()).hasSize(1);
    }

    @Test
    void aHostsClockOffsetIsMeasuredAroundTheRead() throws Exception {
        ClusterSnapshot snapshot = VmLabScenarios.healthy().clockAhead("node2", 2.5).read();
        assertThat(snapshot.nodeRead("node2").orElseThrow().clockOffset()).isBetween(Duration.ofMillis(2400), Duration.ofMillis(2600));
        assertThat(snapshot.nodeRead("node1").orElseThrow().clockOffset().abs()).isLessThan(Duration.ofMillis(100));
    }

    /** Host text is escaped before anything shows it: a terminal sequence in a bond's NIC name arrives as visible text. */
    @Test
    void whatAHostSendsIsEscaped() throws Exception {
        ClusterSnapshot snapshot = VmLabScenarios.healthy().fact("node1", StatusScript.BONDING, VmLabScenarios.bonds()
                .replace("Slave Interface: eth1", "Slave Interface: eth1\u001b]0;pwned\u0007")).read();
        assertThat(snapshot.nodeRead("node1").orElseThrow().bonds().getFirst().slaves().get(1).name()).isEqualTo("eth1\\x1b]0;pwned\\x07");
    }

    /**
     * The node and client scripts as StatusRead sends them, run by this machine's sh (no cluster
     * here: crm_mon cannot connect, no DRBD, no bonds, an SBD disk that does not exist): every fact
     * comes back in its frame, and the snapshot says what is missing instead of failing.
     */
    @Test
    void theScriptsRunInShAndEveryFactComesBack() throws Exception {
        Project sbd = JsonEdit.of(Examples.VM_LAB_SBD).set("$.cluster.stonith.sbd.devices[0]", "/dev/disk/by-id/tandem-no-such-disk").project();
        for (Project project : List.of(sbd, Examples.read(Examples.VM_LAB_TGT))) {
            StatusSource local = (host, facts) -> {
                String nonce = FactScript.nonce();
                try {
                    // In a network namespace of its own (no interface but a down loopback): the nodes' pings to their peers'
                    // lab addresses must not leave this machine; they fail at once with "Network is unreachable".
                    LocalCommand.Output out = LocalCommand.run(List.of("unshare", "-rn", "sh", "-c", FactScript.script(facts, nonce)), Map.of(), Path.of("."),
                            Duration.ofSeconds(60));
                    return FactScript.parse(out.stdout(), nonce);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            ClusterSnapshot snapshot = StatusRead.read(project, local);
            ClusterSnapshot.NodeRead node1 = snapshot.nodeRead("node1").orElseThrow();
            assertThat(node1.answered()).isTrue();
            assertThat(node1.uptime()).isPositive();
            assertThat(node1.clockOffset().abs()).isLessThan(Duration.ofSeconds(1));
            assertThat(node1.pacemaker()).as("no cluster runs here").isNull();
            assertThat(node1.pacemakerProblem()).isNotBlank();
            assertThat(snapshot.drbd()).allSatisfy(d -> assertThat(d.connection()).isEqualTo("not configured"));
            if (project == sbd) {
                assertThat(node1.sbd()).singleElement().satisfies(d -> assertThat(d.problem()).isNotNull());
            }
            assertThat(node1.peerRtt()).as("a ping to node2 on each network, answered or not").hasSize(2);
            ClusterSnapshot.ClientRead client = snapshot.clientRead("client").orElseThrow();
            assertThat(client.answered()).isTrue();
            assertThat(client.disks()).as("this machine's /proc/diskstats was read").isNotNull();
            Assessment a = HealthRules.judge(project, snapshot);
            assertThat(a.verdict()).isEqualTo(Verdict.DOWN);
            assertThat(Scenario.codes(a)).contains("cluster.not-running", "drbd.unconfigured");
        }
    }
}
