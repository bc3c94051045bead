package io.tandem.plan;

import io.tandem.model.Project;
import io.tandem.model.StonithType;
import io.tandem.testing.Variants;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each fence agent's own tools are installed with it: apply installs without recommends. */
class PackagesForFencingTest {

    /** fence_ipmilan runs ipmitool, which fence-agents 4.12 neither depends on nor recommends (its control file in the VM lab's repository). */
    @Test
    void ipmiFencingBringsIpmitool() {
        Project project = Variants.drbd9UbuntuTgtStonith();
        assertThat(project.cluster().stonith().type()).isEqualTo(StonithType.IPMI);
        assertThat(Packages.forNode(project, project.nodes().getFirst())).contains("fence-agents", "ipmitool");
    }

    @Test
    void otherAgentsDoNotGetIpmitool() {
        for (Project project : new Project[] {Variants.sbd(), Variants.virsh()}) {
            assertThat(Packages.forNode(project, project.nodes().getFirst())).contains("fence-agents").doesNotContain("ipmitool");
        }
    }
}
