package io.tandem.verify;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.Renderers;
import io.tandem.render.modern.SbdConfigRenderer;
import io.tandem.render.modern.SysctlRenderer;
import io.tandem.testing.Examples;
import io.tandem.testing.Variants;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.tandem.verify.RealToolChecksTest.replace;
import static org.assertj.core.api.Assertions.assertThat;

/** Tier 1: the files no tool can judge here, read back as their programs read them, and the sandbox probe. */
class SystemFilesReadBackTest {

    @Test
    void modulesLoadHoldsBondingDrbdAndSoftdogForSbd() {
        for (Project project : List.of(Examples.modern(), Variants.sbd())) {
            assertThat(new ModulesLoadCheck().run(project, Renderers.render(project), Path.of("."))).hasSize(2)
                    .allSatisfy(r -> assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS));
        }
        assertThat(ModulesLoadCheck.modules("# comment\n; other comment\n bonding \n\ndrbd\n")).isEqualTo(Set.of("bonding", "drbd"));

        Project sbd = Variants.sbd();
        FileSet noSoftdog = replace(Renderers.render(sbd), "node2", ModulesLoadCheck.PATH, c -> c.replace("softdog\n", "# softdog\n"));
        CheckResult node2 = new ModulesLoadCheck().run(sbd, noSoftdog, Path.of(".")).get(1);
        assertThat(node2.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(node2.detail()).isEqualTo("loads [bonding, drbd], the project needs [bonding, drbd, softdog]");
    }

    @Test
    void sysctlLetsTheLioTargetListenOnTheVirtualIpBeforeTheNodeHoldsIt() {
        Project lio = Examples.modern();
        FileSet files = Renderers.render(lio);
        assertThat(new SysctlCheck().run(lio, files, Path.of("."))).hasSize(2)
                .allSatisfy(r -> assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS));
        assertThat(SysctlRenderer.settings("# comment\n; other\n-net.ipv4.ip_nonlocal_bind = 1\nkernel.panic=5 \n\nno separator\n"))
                .containsExactly(Map.entry("net.ipv4.ip_nonlocal_bind", "1"), Map.entry("kernel.panic", "5"));

        FileSet off = replace(files, "node2", SysctlRenderer.PATH, c -> c.replace("ip_nonlocal_bind = 1", "ip_nonlocal_bind = 0"));
        CheckResult node2 = new SysctlCheck().run(lio, off, Path.of(".")).get(1);
        assertThat(node2.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(node2.detail()).isEqualTo("sets {net.ipv4.ip_nonlocal_bind=0}, the LIO target needs {net.ipv4.ip_nonlocal_bind=1}");

        // The stock agents start the address first: no file, nothing to check.
        Project stock = Variants.lioTStockAgents();
        assertThat(Renderers.render(stock).find("node1", SysctlRenderer.PATH)).isEmpty();
        assertThat(new SysctlCheck().run(stock, Renderers.render(stock), Path.of("."))).isEmpty();
    }

    @Test
    void sbdsSettingsAreReadAsSystemdReadsThem() {
        Project sbd = Variants.sbd();
        assertThat(new SbdConfigCheck().run(sbd, Renderers.render(sbd), Path.of("."))).hasSize(2)
                .allSatisfy(r -> assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS));
        assertThat(new SbdConfigCheck().run(Examples.modern(), Renderers.render(Examples.modern()), Path.of("."))).isEmpty();
        assertThat(SbdConfigCheck.environment("# c\nA=\"x;y\"\nB='z'\nC=1\nC=2\n")).isEqualTo(Map.of("A", "x;y", "B", "z", "C", "2"));

        FileSet wrong = replace(Renderers.render(sbd), "node1", SbdConfigRenderer.PATH,
                c -> c.replace("SBD_WATCHDOG_TIMEOUT=5", "SBD_WATCHDOG_TIMEOUT=10").replace("SBD_PACEMAKER=yes", "SBD_PACEMAKER=no"));
        CheckResult node1 = new SbdConfigCheck().run(sbd, wrong, Path.of(".")).getFirst();
        assertThat(node1.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(node1.detail()).isEqualTo("SBD_WATCHDOG_TIMEOUT: read 10, the project says 5; SBD_PACEMAKER: read no, the project says yes");
    }

    @Test
    void aMachineWithoutUserNamespacesIsNamedNotBlamedOnTheFiles() {
        assertThat(Sandbox.unavailable(Path.of("/bin/false"))).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("cannot make a user namespace here (exit 1)"));
    }
}
