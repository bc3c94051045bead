package io.tandem.render.modern;

import io.tandem.render.SecretBook;
import io.tandem.testing.Examples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the real pcs 0.11.5 in the VM lab (lab/vm, Debian 12) accepted and refused. */
class PcsScriptRendererTest {

    @Test
    void doesNotSetTheClusterNameWhichPcsRefuses() {
        // On the VM lab: "Error: invalid cluster property option 'cluster-name', allowed options are: ..."
        // and the script stopped (set -e). Pacemaker reads the name from corosync.conf.
        String script = PcsScriptRenderer.script(Examples.read(Examples.VM_LAB), new SecretBook());

        assertThat(script).doesNotContain("cluster-name");
        assertThat(script).contains("property set stonith-enabled=false", "property set no-quorum-policy=stop");
    }

    @Test
    void resourcesGetNoDefaultOpsSoTheOperationDefaultsApply() {
        // pcs' default ops carried the agents' 10-20 s timeouts past "resource op defaults update
        // timeout=120s"; under emulation p_target's start timed out after 10 s.
        String script = PcsScriptRenderer.script(Examples.read(Examples.VM_LAB), new SecretBook());

        assertThat(script.lines().filter(l -> l.contains(" resource create "))).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains(" --no-default-ops "));
    }
}
