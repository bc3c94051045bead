package io.tandem.plan;

import io.tandem.render.modern.ReplicationFallback;
import io.tandem.ssh.RemoteCommand;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fallback's service reads its arguments and script when it starts: a rewrite of either restarts it, if it runs. */
class ReplicationFallbackReloadTest {

    @Test
    void aChangedUnitOrScriptRestartsTheRunningServiceAndNothingElse() {
        for (String path : new String[] {ReplicationFallback.UNIT_PATH, ReplicationFallback.SCRIPT_PATH}) {
            String script = Reloads.after(path).map(RemoteCommand::display).orElseThrow();
            assertThat(script).contains("systemctl daemon-reload",
                    "if systemctl is-active -q tandem-replication-fallback.service; then systemctl restart tandem-replication-fallback.service; fi");
        }
        assertThat(Reloads.after("/etc/systemd/system/other.service").map(RemoteCommand::display)).contains("systemctl daemon-reload");
    }

    @Test
    void theStartStepIsDoneOnlyWhenTheUnitIsEnabledAndActive() {
        Step step = ServiceSteps.enableNow("node1", ReplicationFallback.UNIT, "why");
        Probe probe = step.check().probes().getFirst();
        assertThat(step.check().done(new ProbeResults().put("node1", probe.name(),
                new ProbeResults.Output(ReplicationFallback.UNIT + " enabled active\n", 0)))).isTrue();
        assertThat(step.check().done(new ProbeResults().put("node1", probe.name(),
                new ProbeResults.Output(ReplicationFallback.UNIT + " enabled failed\n", 0)))).isFalse();
        assertThat(step.check().done(new ProbeResults().put("node1", probe.name(),
                new ProbeResults.Output(ReplicationFallback.UNIT + " disabled active\n", 0)))).isFalse();
        assertThat(step.check().done(new ProbeResults().put("node1", probe.name(), new ProbeResults.Output("", 0)))).isFalse();
        assertThat(step.actions()).extracting(Action::display)
                .containsExactly("systemctl daemon-reload && systemctl enable --now tandem-replication-fallback.service");
    }
}
