package io.tandem.plan;

import io.tandem.ssh.ExecResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package step's policy-rc.d, run by the real sh the two ways Debian's maintainer scripts call
 * it: the cluster stack's units may not be started or restarted by a package (pacemaker's postinst
 * would start it, and sbd with it on its default watchdog), every other service and every stop
 * may. The install script leaves a policy-rc.d the host already has alone and removes its own.
 */
class PackageInstallHoldsTheClusterStackTest {

    private static int ask(Path policy, String... args) {
        StringBuilder command = new StringBuilder("sh '" + policy + "'");
        for (String a : args) {
            command.append(" '").append(a).append("'");
        }
        return LocalRoot.sh(command.toString()).exitStatus();
    }

    @Test
    void theClusterStackMayNotBeStartedByAPackageAndEverythingElseMay(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("policy-rc.d");
        Files.writeString(policy, PackageStep.policy());
        for (String unit : PackageStep.HELD_UNITS) {
            assertThat(ask(policy, unit + ".service", "start")).as("deb-systemd-invoke start " + unit).isEqualTo(101);
            assertThat(ask(policy, unit + ".service", "restart")).as("deb-systemd-invoke restart " + unit).isEqualTo(101);
            assertThat(ask(policy, "--quiet", unit, "start", "2")).as("invoke-rc.d start " + unit).isEqualTo(101);
            assertThat(ask(policy, "--quiet", unit, "try-restart")).isEqualTo(101);
            assertThat(ask(policy, unit + ".service", "stop")).as("stopping stays allowed").isZero();
        }
        for (String other : List.of("corosync-qnetd.service", "chrony.service", "tgt.service", "iscsid.socket", "corosyncx.service")) {
            assertThat(ask(policy, other, "start")).as(other).isZero();
        }
    }

    @Test
    void theInstallScriptPutsItsPolicyInPlaceOnlyWhenNoneIsThereAndRemovesIt(@TempDir Path dir) throws Exception {
        // The script with its paths moved into a scratch folder and apt-get replaced by a report of what it would see.
        Path policy = dir.resolve("policy-rc.d");
        String script = PackageStep.installScript(List.of("pacemaker")).replace(PackageStep.POLICY, policy.toString())
                .replace("apt-get install", "probe_install").replace("apt-get update", "true");
        String probe = "probe_install() { sh '" + policy + "' pacemaker.service start; echo \"policy says $?\"; }\n";
        ExecResult fresh = LocalRoot.sh(probe + script);
        assertThat(fresh.stdout()).contains("policy says 101");
        assertThat(policy).as("removed when the install ends").doesNotExist();

        Files.writeString(policy, "#!/bin/sh\nexit 0\n");
        ExecResult kept = LocalRoot.sh(probe + script);
        assertThat(kept.stdout()).contains("policy says 0");
        assertThat(Files.readString(policy)).as("the host's own policy is left as it was").isEqualTo("#!/bin/sh\nexit 0\n");
    }
}
