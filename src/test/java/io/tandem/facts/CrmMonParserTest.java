package io.tandem.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** crm_mon's XML from the VM labs (Pacemaker 2.1.5): membership, safety switches, fail counts, failed actions; crm_mon without a cluster. */
class CrmMonParserTest {

    @Test
    void theAppliedClusterWithEverythingOnNode1() throws FactParseException {
        ClusterStatus s = CrmMonParser.parse(Fixture.vmlab("node1.on-node1.crm_mon_xml.txt"));

        assertThat(s.nodes()).extracting(ClusterStatus.Node::name).containsExactly("node1", "node2");
        assertThat(s.nodes()).allMatch(n -> n.online() && !n.standby() && !n.maintenance() && !n.unclean());
        assertThat(s.summary()).isEqualTo(new ClusterStatus.Summary(false, false, true, "node1"));
        assertThat(s.instances("p_target")).singleElement().satisfies(r -> {
            assertThat(r.active()).isTrue();
            assertThat(r.nodes()).containsExactly("node1");
        });
        assertThat(s.instances("drbd_r0")).extracting(ClusterStatus.Resource::role).containsExactly("Promoted", "Unpromoted");
        assertThat(s.failCounts()).isEmpty();
        assertThat(s.failedActions()).isEmpty();
    }

    @Test
    void sbdFencingIsEnabled() throws FactParseException {
        assertThat(CrmMonParser.parse(Fixture.vmlab("node1.sbd-applied.crm_mon_xml.txt")).summary().stonithEnabled()).isTrue();
    }

    @Test
    void aPartitionedNodeHasAFailCountAndAFailedPromotion() throws FactParseException {
        ClusterStatus s = CrmMonParser.parse(Fixture.vmlab("node2.partitioned.crm_mon_xml.txt"));

        assertThat(s.node("node1")).get().extracting(ClusterStatus.Node::online).isEqualTo(false);
        assertThat(s.failCounts()).containsExactly(new ClusterStatus.FailCount("node2", "drbd_r0", 2, 1000000, "Wed Nov 25 13:33:40 2026"));
        assertThat(s.failedActions()).containsExactly(new ClusterStatus.FailedAction("drbd_r0_promote_0", "node2", "promote", "Timed Out",
                "Resource agent did not complete within 2m", "2026-11-25 13:31:40Z"));
        assertThat(s.instances("drbd_r0").getFirst().failed()).isTrue();
    }

    @Test
    void theCountStaysAfterThePartitionHealed() throws FactParseException {
        ClusterStatus s = CrmMonParser.parse(Fixture.vmlab("node1.after-partition-healed.crm_mon_xml.txt"));
        assertThat(s.failCounts()).singleElement().satisfies(f -> {
            assertThat(f.count()).isEqualTo(1);
            assertThat(f.resource()).isEqualTo("drbd_r0");
        });
        assertThat(s.failedActions()).isEmpty();
    }

    /** crm_mon on this machine, where no cluster runs: XML all the same, with status code 102 (exit 102). */
    @Test
    void crmMonWithoutAClusterIsAnErrorInItsOwnWords() {
        assertThat(Fixture.local("crm_mon_xml.no_cluster.rc").strip()).isEqualTo("102");
        assertThatThrownBy(() -> CrmMonParser.parse(Fixture.local("crm_mon_xml.no_cluster.txt")))
                .isInstanceOf(FactParseException.class)
                .hasMessage("crm_mon: Not connected (code 102): error: Could not connect to launcher: Connection refused; "
                        + "crm_mon: Connection to cluster failed: Connection refused");
    }

    @Test
    void anInfiniteFailCountIsTheLargestNumberAndGarbleIsRefused() throws FactParseException {
        String xml = "<pacemaker-result><node_history><node name=\"node1\"><resource_history id=\"p_vip\" migration-threshold=\"INFINITY\" "
                + "fail-count=\"INFINITY\" last-failure=\"x\"/></node></node_history></pacemaker-result>";
        assertThat(CrmMonParser.parse(xml).failCounts().getFirst().count()).isEqualTo(Integer.MAX_VALUE);
        assertThat(CrmMonParser.parse("<pacemaker-result/>").summary()).isEqualTo(ClusterStatus.Summary.UNKNOWN);
        assertThatThrownBy(() -> CrmMonParser.parse(xml.replace("fail-count=\"INFINITY\"", "fail-count=\"many\"")))
                .isInstanceOf(FactParseException.class).hasMessageContaining("not a score: many");
    }
}
