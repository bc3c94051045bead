package io.tandem.apply;

import io.tandem.facts.PingResult;
import io.tandem.model.DemoProject;
import io.tandem.model.NetworkRole;
import io.tandem.monitor.ClusterSnapshot;
import io.tandem.monitor.StatusRead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's latency facts through the real parsers: the nodes' pings to each other and the
 * client's disk counters vary plausibly while healthy, and a fault shows where it would (no reply
 * on the cut replication link, none at all from a lost node).
 */
@Timeout(60)
class SimulatedLatencyTest {

    private static SimulatedCluster demo() {
        return SimulatedCluster.applied(DemoProject.withFreshSecrets(), 0.05);
    }

    private static PingResult ping(ClusterSnapshot s, String node, NetworkRole network) {
        return s.nodeRead(node).orElseThrow().peerRtt(network).orElseThrow().result();
    }

    @Test
    void healthyTheNodesAnswerEachOtherAndTheClientsDisksDoIoThatVaries() throws Exception {
        SimulatedCluster demo = demo();
        ClusterSnapshot previous = StatusRead.read(demo.project(), demo.statusSource());
        List<Double> latencies = new ArrayList<>();
        List<Double> rtts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Thread.sleep(120);
            ClusterSnapshot s = StatusRead.read(demo.project(), demo.statusSource(), previous);
            for (String node : List.of(demo.servingNode(), demo.standbyNode())) {
                for (NetworkRole network : NetworkRole.values()) {
                    PingResult p = ping(s, node, network);
                    assertThat(p.replied()).as(node + " " + network).isTrue();
                    assertThat(p.rttMillis()).isBetween(0.02, 3.0);
                    rtts.add(p.rttMillis());
                }
            }
            ClusterSnapshot.ClientRead client = s.clientReads().getFirst();
            assertThat(client.latency()).isNotEmpty().allSatisfy(l -> {
                assertThat(l.measured()).as(l.unmeasured()).isTrue();
                assertThat(l.ios()).isPositive();
                assertThat(l.averageMillis()).isBetween(0.1, 10.0);
            });
            latencies.add(client.latency().getFirst().averageMillis());
            previous = s;
        }
        assertThat(latencies.stream().distinct()).as("the latency varies from read to read").hasSizeGreaterThan(2);
        assertThat(rtts.stream().distinct()).hasSizeGreaterThan(2);
    }

    @Test
    void aCutReplicationLinkLeavesItsPingsWithoutReplyAndALostNodeAllOfThem() throws Exception {
        SimulatedCluster demo = demo();
        demo.setFault(DemoFault.REPLICATION_LINK_DOWN, true);
        ClusterSnapshot cut = StatusRead.read(demo.project(), demo.statusSource());
        for (String node : List.of(demo.servingNode(), demo.standbyNode())) {
            assertThat(ping(cut, node, NetworkRole.REPLICATION).outcome()).isEqualTo(PingResult.Outcome.NO_REPLY);
            assertThat(ping(cut, node, NetworkRole.CLIENT).replied()).isTrue();
        }
        demo.setFault(DemoFault.REPLICATION_LINK_DOWN, false);
        demo.setFault(DemoFault.NODE_LOST, true);
        ClusterSnapshot lost = StatusRead.read(demo.project(), demo.statusSource());
        assertThat(lost.nodeRead(demo.standbyNode()).orElseThrow().answered()).isFalse();
        for (NetworkRole network : NetworkRole.values()) {
            assertThat(ping(lost, demo.servingNode(), network).outcome()).isEqualTo(PingResult.Outcome.NO_REPLY);
        }
    }
}
