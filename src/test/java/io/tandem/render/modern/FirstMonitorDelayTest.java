package io.tandem.render.modern;

import io.tandem.model.Project;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretBook;
import io.tandem.render.modern.PacemakerLayout.Nvpair;
import io.tandem.render.modern.PacemakerLayout.Op;
import io.tandem.render.modern.PacemakerLayout.Primitive;
import io.tandem.testing.Examples;
import io.tandem.testing.Variants;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The first monitor after a start or promotion waits (PacemakerLayoutBuilder.FIRST_MONITOR_DELAY) so it
 * does not run in front of the next start, and each node has room for all of them at once.
 */
class FirstMonitorDelayTest {

    private static Map<String, String> properties(PacemakerLayout layout) {
        return layout.properties().stream().collect(Collectors.toMap(Nvpair::name, Nvpair::value));
    }

    private static List<String> delays(Primitive p, String operation) {
        return p.ops().stream().filter(op -> op.name().equals(operation)).map(op -> String.valueOf(op.startDelay())).toList();
    }

    @Test
    void drbdAndTargetMonitorsWaitTheVipsDoesNot() {
        PacemakerLayout layout = PacemakerLayoutBuilder.build(Examples.modern(), new SecretBook());
        for (var clone : layout.drbdClones()) {
            Primitive drbd = clone.primitive();
            assertThat(drbd.ops()).filteredOn(op -> op.name().equals("monitor")).extracting(Op::role, Op::startDelay)
                    .containsExactly(tuple("Promoted", "20s"),
                            tuple("Unpromoted", "20s"));
            for (String action : List.of("start", "stop", "promote", "demote")) {
                assertThat(delays(drbd, action)).as(action).containsExactly("null");
            }
        }
        List<Primitive> group = layout.group().members();
        assertThat(group).extracting(Primitive::id).containsExactly("p_target", "p_vip");
        assertThat(delays(group.get(0), "monitor")).containsExactly("20s");
        // The last member's monitor holds up nothing: it confirms the address at once.
        assertThat(delays(group.get(1), "monitor")).containsExactly("null");
        assertThat(layout.fenceDevices()).allSatisfy(p -> assertThat(delays(p, "monitor")).containsOnly("null"));
    }

    @Test
    void everyStockMemberButTheLastWaits() {
        List<Primitive> group = PacemakerLayoutBuilder.build(Variants.lioTStockAgents(), new SecretBook()).group().members();
        assertThat(group.getLast().id()).isEqualTo(PacemakerLayoutBuilder.UNBLOCK_ID);
        assertThat(group.subList(0, group.size() - 1)).hasSizeGreaterThan(3)
                .allSatisfy(p -> assertThat(delays(p, "monitor")).as(p.id()).containsExactly("20s"));
        assertThat(delays(group.getLast(), "monitor")).containsExactly("null");
    }

    @Test
    void eachNodeHasRoomForEveryWaitingMonitorAndTheThrottleStaysForRealOverload() {
        Project lio = Examples.modern();
        PacemakerLayout layout = PacemakerLayoutBuilder.build(lio, new SecretBook());
        // Two DRBD resources and two members, doubled for the halving under moderate load.
        assertThat(properties(layout)).containsEntry("node-action-limit", "8").containsEntry("load-threshold", "1000%");
        Project stock = Variants.lioTStockAgents();
        PacemakerLayout stockLayout = PacemakerLayoutBuilder.build(stock, new SecretBook());
        int members = stockLayout.group().members().size();
        assertThat(properties(stockLayout))
                .containsEntry("node-action-limit", String.valueOf(2 * (stock.replication().resources().size() + members)));
    }

    @Test
    void bothTheCibAndThePcsScriptSayIt() {
        var files = Renderers.render(Examples.modern());
        String cib = files.find(RenderedFile.CLUSTER, CibRenderer.PATH).orElseThrow().content();
        assertThat(cib).contains("<op id=\"drbd_r0-monitor-interval-29s-Promoted\" name=\"monitor\" interval=\"29s\" timeout=\"120s\""
                        + " role=\"Promoted\" start-delay=\"20s\"/>")
                .contains("<op id=\"p_target-monitor-interval-10s\" name=\"monitor\" interval=\"10s\" timeout=\"120s\" start-delay=\"20s\"/>")
                .contains("<op id=\"p_vip-monitor-interval-10s\" name=\"monitor\" interval=\"10s\" timeout=\"120s\"/>")
                .contains("name=\"node-action-limit\" value=\"8\"");
        String pcs = files.find(RenderedFile.CLUSTER, PcsScriptRenderer.PATH).orElseThrow().content();
        assertThat(pcs).contains("op monitor interval=10s timeout=120s start-delay=20s")
                .contains("op monitor interval=29s timeout=120s role=Promoted start-delay=20s")
                .contains("load-threshold=1000%");
    }
}
