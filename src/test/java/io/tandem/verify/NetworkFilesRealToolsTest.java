package io.tandem.verify;

import io.tandem.model.Problem;
import io.tandem.model.Project;
import io.tandem.model.ProjectValidator;
import io.tandem.render.FileSet;
import io.tandem.render.Renderers;
import io.tandem.testing.RealTools;
import io.tandem.testing.Variants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.tandem.verify.RealToolChecksTest.replace;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier 2, the network files: ifupdown reads the Debian stanzas and netplan's generator the Ubuntu
 * file, and what they read must be the project's bonds. The projects here have an up delay unlike
 * the down delay, so a renderer that swaps the two cannot pass.
 */
class NetworkFilesRealToolsTest {

    private static final Project DEBIAN = Variants.distinctBondTimings("debian-12");
    private static final Project UBUNTU = Variants.distinctBondTimings("ubuntu-24.04");
    private static final Project DEBIAN_FALLBACK = Variants.replicationFallback("debian-12");
    private static final Project UBUNTU_FALLBACK = Variants.replicationFallback("ubuntu-24.04");

    @BeforeEach
    void tools() {
        RealTools.requireNetworkTools();
    }

    @Test
    void theProjectsAreValid() {
        assertThat(ProjectValidator.validate(DEBIAN)).noneMatch(Problem::isError);
        assertThat(ProjectValidator.validate(UBUNTU)).noneMatch(Problem::isError);
        assertThat(ProjectValidator.validate(DEBIAN_FALLBACK)).noneMatch(Problem::isError);
        assertThat(ProjectValidator.validate(UBUNTU_FALLBACK)).noneMatch(Problem::isError);
    }

    @Test
    void ifupdownReadsTheBondsAsTheProjectSays(@TempDir Path work) {
        List<CheckResult> results = new IfupdownCheck().run(DEBIAN, Renderers.render(DEBIAN), work);
        assertThat(results).hasSize(2).allSatisfy(r -> {
            assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS);
            assertThat(r.detail()).contains("bond0, bond1");
        });
    }

    @Test
    void netplansNetworkdFilesSayWhatTheProjectSays(@TempDir Path work) {
        List<CheckResult> results = new NetplanCheck().run(UBUNTU, Renderers.render(UBUNTU), work);
        assertThat(results).hasSize(2).allSatisfy(r -> {
            assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS);
            assertThat(r.detail()).contains("bond0", "bond1", "eth3");
        });
    }

    @Test
    void theFallbackReadsAsArpMonitorAndRouteInBothTools(@TempDir Path work) {
        List<CheckResult> ifupdown = new IfupdownCheck().run(DEBIAN_FALLBACK, Renderers.render(DEBIAN_FALLBACK), work.resolve("ifupdown"));
        List<CheckResult> netplan = new NetplanCheck().run(UBUNTU_FALLBACK, Renderers.render(UBUNTU_FALLBACK), work.resolve("netplan"));
        assertThat(ifupdown).hasSize(2).allSatisfy(r -> assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS));
        assertThat(netplan).hasSize(2).allSatisfy(r -> assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS));
    }

    @Test
    void aWrongArpTargetAStrayRouteOrTheMiiMonitorOnTheFallbackBondFails(@TempDir Path work) {
        FileSet stray = replace(Renderers.render(DEBIAN_FALLBACK), "node1", "/etc/network/interfaces.d/bond0",
                c -> c + "    up ip route replace 192.168.60.0/24 via 192.168.50.12 dev bond0 metric 100\n");
        FileSet wrongTarget = replace(stray, "node1", "/etc/network/interfaces.d/bond1",
                c -> c.replace("bond-arp-ip-target 192.168.60.12", "bond-arp-ip-target 192.168.60.11"));
        CheckResult node1 = new IfupdownCheck().run(DEBIAN_FALLBACK, wrongTarget, work).getFirst();
        assertThat(node1.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(node1.detail()).isEqualTo("bond0 routes: read [192.168.60.0/24 via 192.168.50.12 metric 100], the project says []; "
                + "bond1 ARP targets: read [192.168.60.11], the project says [192.168.60.12]");

        FileSet miimon = replace(Renderers.render(UBUNTU_FALLBACK), "node2", NetplanCheck.PATH,
                c -> c.replace("arp-interval: 100", "mii-monitor-interval: 100"));
        CheckResult node2 = new NetplanCheck().run(UBUNTU_FALLBACK, miimon, work.resolve("netplan")).get(1);
        assertThat(node2.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(node2.detail()).contains("bond1 MII monitor interval (ms): read 100, the project says none",
                "bond1 ARP monitor interval (ms): read nothing, the project says 100");
    }

    @Test
    void ifupdownStanzasWithSwappedDelaysFail(@TempDir Path work) {
        FileSet swapped = replace(Renderers.render(DEBIAN), "node2", "/etc/network/interfaces.d/bond1",
                c -> c.replace("bond-updelay 300", "bond-updelay 100").replace("bond-downdelay 100", "bond-downdelay 300"));
        List<CheckResult> results = new IfupdownCheck().run(DEBIAN, swapped, work);
        assertThat(results.get(0).outcome()).isEqualTo(CheckResult.Outcome.PASS);
        assertThat(results.get(1).outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(results.get(1).detail()).isEqualTo("bond1 up delay (ms): read 100, the project says 300; "
                + "bond1 down delay (ms): read 300, the project says 100");
    }

    @Test
    void netplanWithSwappedDelaysFails(@TempDir Path work) {
        FileSet swapped = replace(Renderers.render(UBUNTU), "node1", NetplanCheck.PATH,
                c -> c.replace("up-delay: 300", "up-delay: 100").replaceFirst("down-delay: 100", "down-delay: 300"));
        CheckResult node1 = new NetplanCheck().run(UBUNTU, swapped, work).getFirst();
        assertThat(node1.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(node1.detail()).contains("bond0 up delay (ms): read 100, the project says 300",
                "bond0 down delay (ms): read 300, the project says 100");
    }

    @Test
    void aWrongModeSlaveAddressOrMissingAutoIsCaught(@TempDir Path work) {
        FileSet wrong = replace(Renderers.render(DEBIAN), "node1", "/etc/network/interfaces.d/bond0",
                c -> c.replace("bond-mode active-backup", "bond-mode balance-rr").replace("bond-slaves eth0 eth1", "bond-slaves eth0 eth2")
                        .replace("address 192.168.50.11/24", "address 192.168.50.13/24").replace("auto bond0\n", ""));
        CheckResult node1 = new IfupdownCheck().run(DEBIAN, wrong, work).getFirst();
        assertThat(node1.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(node1.detail()).contains("bond0 is not brought up at boot (no 'auto' line)",
                "bond0 address: read [192.168.50.13/24], the project says [192.168.50.11/24]",
                "bond0 bond mode: read balance-rr, the project says active-backup",
                "bond0 slaves: read [eth0, eth2], the project says [eth0, eth1]");

        FileSet netplan = replace(Renderers.render(UBUNTU), "node2", NetplanCheck.PATH,
                c -> c.replace("interfaces: [eth2, eth3]", "interfaces: [eth2]").replace("via: 192.168.50.1", "via: 192.168.50.254"));
        CheckResult node2 = new NetplanCheck().run(UBUNTU, netplan, work.resolve("netplan")).get(1);
        assertThat(node2.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(node2.detail()).contains("bond1 slaves: read [eth2], the project says [eth2, eth3]",
                "bond0 gateway: read 192.168.50.254, the project says 192.168.50.1");
    }

    @Test
    void whatTheToolsRefuseFailsWithTheirOwnWords(@TempDir Path work) {
        FileSet ifupdown = replace(Renderers.render(DEBIAN), "node1", "/etc/network/interfaces.d/bond0",
                c -> c.replace("inet static", "inet statik"));
        CheckResult node1 = new IfupdownCheck().run(DEBIAN, ifupdown, work).getFirst();
        assertThat(node1.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(node1.tool()).isEqualTo("ifup --no-act");
        assertThat(node1.detail()).contains("unknown or no method");

        FileSet netplan = replace(Renderers.render(UBUNTU), "node1", NetplanCheck.PATH, c -> c.replace("mode: active-backup", "mode: hot-standby"));
        CheckResult yaml = new NetplanCheck().run(UBUNTU, netplan, work.resolve("netplan")).getFirst();
        assertThat(yaml.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(yaml.detail()).contains("hot-standby");
    }
}
