package io.tandem.plan;

import io.tandem.model.FenceDevice;
import io.tandem.model.Project;
import io.tandem.model.ProjectValidator;
import io.tandem.model.StonithType;
import io.tandem.testing.Examples;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IPMI example fences the VM lab's nodes through the BMCs lab/vm runs (ipmi_sim): its devices
 * must name the addresses, user and passwords lab/vm gives them, or fencing fails only when a node
 * is lost, 20 minutes into lab/vm e2e.
 */
class VmLabBmcTest {

    private static String caseValue(String labVm, String function, String node) {
        Matcher line = Pattern.compile("(?m)^" + function + "\\(\\)\\s*\\{ case \\$1 in (.*) esac; }$").matcher(labVm);
        assertThat(line.find()).as(function + " in lab/vm").isTrue();
        Matcher arm = Pattern.compile(node + "\\) echo (\\S+) ;;").matcher(line.group(1));
        assertThat(arm.find()).as(function + " " + node).isTrue();
        return arm.group(1);
    }

    @Test
    void theIpmiExampleNamesTheLabsBmcs() throws IOException {
        String labVm = Files.readString(Path.of("lab/vm"));
        Matcher user = Pattern.compile("(?m)^BMC_USER=(\\S+)$").matcher(labVm);
        assertThat(user.find()).isTrue();
        Project project = Examples.read(Examples.VM_LAB_IPMI);
        assertThat(ProjectValidator.validate(project)).noneMatch(io.tandem.model.Problem::isError);
        assertThat(project.cluster().stonith().type()).isEqualTo(StonithType.IPMI);
        assertThat(project.cluster().witness()).as("no fence delay: the witness decides").isPresent();
        assertThat(project.cluster().stonith().devices()).hasSize(2).allSatisfy(device -> {
            assertThat(device.address()).isEqualTo(caseValue(labVm, "bmc_addr", device.node()));
            assertThat(device.user()).isEqualTo(user.group(1));
            assertThat(device.password().reveal()).isEqualTo(caseValue(labVm, "bmc_password", device.node()));
            // ipmi_sim does not answer "Get Channel Cipher Suites": without a suite ipmitool probes ~10 s per call.
            assertThat(device.cipher()).isEqualTo(3);
        });
        assertThat(labVm).contains("addr $(bmc_addr \"$n\") 623", "\"$BMC_USER\" \"$(bmc_password \"$n\")\" admin");
    }
}
