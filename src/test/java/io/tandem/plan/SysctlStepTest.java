package io.tandem.plan;

import io.tandem.render.Renderers;
import io.tandem.render.modern.SysctlRenderer;
import io.tandem.testing.Examples;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The step that sets the LIO layout's kernel setting at once: done only when the node reads it back. */
class SysctlStepTest {

    private static final Map<String, String> NONLOCAL = Map.of(SysctlRenderer.NONLOCAL_BIND, "1");

    @Test
    void isDoneOnlyWhenTheKernelSaysSo() {
        Step step = ServiceSteps.applySysctl("node1", SysctlRenderer.PATH, NONLOCAL);
        Probe probe = step.check().probes().getFirst();
        assertThat(probe.script()).isEqualTo("sysctl -n net.ipv4.ip_nonlocal_bind 2>/dev/null || true");
        assertThat(step.check().done(new ProbeResults().put("node1", probe.name(), new ProbeResults.Output("1\n", 0)))).isTrue();
        assertThat(step.check().done(new ProbeResults().put("node1", probe.name(), new ProbeResults.Output("0\n", 0)))).isFalse();
        assertThat(step.check().done(new ProbeResults().put("node1", probe.name(), new ProbeResults.Output("", 0))))
                .as("an old kernel without the key").isFalse();
        assertThat(step.actions()).extracting(Action::display).containsExactly("sysctl -q -p /etc/sysctl.d/90-tandem.conf");
    }

    @Test
    void theLioPlanSetsItAfterWritingTheFileOnEachNode() {
        var project = Examples.modern();
        var ids = Planner.candidates(project, Renderers.render(project), new ProbeResults()).stream().map(Step::id).toList();
        for (String node : new String[] {"node1", "node2"}) {
            assertThat(ids).contains("sysctl:" + node);
            assertThat(ids.indexOf("file:" + node + ":" + SysctlRenderer.PATH)).isBetween(0, ids.indexOf("sysctl:" + node));
            assertThat(ids.indexOf("sysctl:" + node)).isLessThan(ids.indexOf("cluster-start:" + node));
        }
    }
}
