package io.tandem.verify;

import io.tandem.model.Problem;
import io.tandem.model.Project;
import io.tandem.model.ProjectValidator;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.testing.Examples;
import io.tandem.testing.RandomProjects;
import io.tandem.testing.RealTools;
import io.tandem.testing.Variants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier 2: the generated files judged by every real-tool check ({@link RealToolChecks#all()}). */
class RealToolChecksTest {

    @BeforeEach
    void tools() {
        RealTools.requireTier2();
    }

    static List<Variants.Variant> variants() {
        return Variants.all();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyGeneratedFilePassesTheRealTools(Variants.Variant variant) throws IOException {
        List<CheckResult> results = RealToolChecks.run(variant.project(), Renderers.render(variant.project()));
        assertThat(results).isNotEmpty().allSatisfy(r -> assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS));
        assertThat(results).hasSize(expectedChecks(variant.project()));
    }

    @Test
    void failoverPreviewPutsEverythingOnThePreferredNodeThenOnThePeer(@TempDir Path work) throws IOException {
        Project project = Examples.modern();
        FailoverPreview.Result preview = FailoverPreview.run(project, Renderers.render(project), work);
        assertThat(FailoverPreview.Result.nodesOf(preview.start(), "p_target", "Started")).containsExactly("node1");
        assertThat(FailoverPreview.Result.nodesOf(preview.start(), "drbd_r0", "Promoted")).containsExactly("node1");
        assertThat(FailoverPreview.Result.nodesOf(preview.start(), "drbd_r0", "Unpromoted")).containsExactly("node2");
        assertThat(preview.lostNode()).isEqualTo("node1");
        assertThat(FailoverPreview.Result.nodesOf(preview.afterLoss(), "p_vip", "Started")).containsExactly("node2");
        assertThat(FailoverPreview.Result.nodesOf(preview.afterLoss(), "drbd_r1", "Promoted")).containsExactly("node2");
    }

    @Test
    void drbdadmRejectsABrokenResourceFile(@TempDir Path work) {
        Project project = Examples.modern();
        FileSet broken = replace(Renderers.render(project), "node2", "/etc/drbd.d/r1.res", c -> c.replace("protocol C;", "protocol Z;"));
        List<CheckResult> results = new DrbdConfigCheck().run(project, broken, work);
        assertThat(results.get(0).outcome()).isEqualTo(CheckResult.Outcome.PASS);
        assertThat(results.get(1).outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(results.get(1).detail()).contains("protocol");
    }

    @Test
    void drbdDryRunNoticesAWrongAddress(@TempDir Path work) {
        Project project = Examples.modern();
        FileSet wrong = replace(Renderers.render(project), "node1", "/etc/drbd.d/r0.res",
                c -> c.replace("address 192.168.60.12:7789", "address 192.168.60.13:7789"));
        CheckResult node1 = new DrbdConfigCheck().run(project, wrong, work).getFirst();
        assertThat(node1.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(node1.detail()).contains("192.168.60.12:7789");
    }

    @Test
    void corosyncRejectsAnInlineComment(@TempDir Path work) {
        Project project = Examples.modern();
        FileSet broken = replace(Renderers.render(project), "node1", "/etc/corosync/corosync.conf",
                c -> {
                    String commented = c.replaceFirst("(?m)^(\\s*token: \\d+)$", "$1   # the token timeout");
                    assertThat(commented).isNotEqualTo(c);
                    return commented;
                });
        List<CheckResult> results = new CorosyncConfigCheck().run(project, broken, work);
        assertThat(results.get(0).outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(results.get(0).detail()).contains("token");
        assertThat(results.get(1).outcome()).isEqualTo(CheckResult.Outcome.PASS);
    }

    @Test
    void crmVerifyRejectsAnInvalidCib(@TempDir Path work) {
        Project project = Examples.modern();
        FileSet invalid = replace(Renderers.render(project), RenderedFile.CLUSTER, "/cib.xml",
                c -> c.replace("<rsc_order ", "<rsc_ordering "));
        CheckResult verify = new PacemakerCheck().run(project, invalid, work).getFirst();
        assertThat(verify.tool()).isEqualTo("crm_verify");
        assertThat(verify.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
    }

    /**
     * Without its colocations with the promoted DRBD role, and nothing else changed, the group starts
     * on its preferred node even when DRBD can only be promoted on the other one (the preferred
     * node's data is behind): the preview must say so.
     */
    @Test
    void theSimulationNoticesMissingColocationsAlone(@TempDir Path work) {
        Project project = Examples.modern();
        FileSet loose = replace(Renderers.render(project), RenderedFile.CLUSTER, "/cib.xml",
                c -> c.replaceAll("(?m)^ *<rsc_colocation [^\n]*\n", ""));
        assertThat(FailoverPreview.cibText(loose)).doesNotContain("rsc_colocation").contains("rsc_order", "rsc_location");

        List<CheckResult> results = new PacemakerCheck().run(project, loose, work);

        assertThat(results).filteredOn(r -> r.outcome() == CheckResult.Outcome.FAIL).singleElement().satisfies(r -> {
            assertThat(r.subject()).isEqualTo("failover preview: start while node1's data is behind");
            assertThat(r.detail()).contains("expected everything on node2", "p_vip started on [node1]");
        });
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 24);
    }

    /**
     * Property: any valid random model renders files that every real tool accepts. The pcs script
     * check takes about a minute (pcs starts once per command), so it runs on the first seeds only.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomValidModelsPassEveryRealTool(long seed) throws IOException {
        Project project = RandomProjects.generate(seed);
        List<Problem> problems = ProjectValidator.validate(project);
        assertThat(problems).as("seed %d should be valid", seed).noneMatch(Problem::isError);
        boolean withPcs = seed <= PCS_SEEDS;
        List<ToolCheck> checks = RealToolChecks.all().stream().filter(c -> withPcs || !(c instanceof PcsScriptCheck)).toList();
        List<CheckResult> results = RealToolChecks.run(project, Renderers.render(project), checks);
        assertThat(results).hasSize(expectedChecks(project) - (withPcs ? 0 : 1))
                .allSatisfy(r -> assertThat(r.outcome()).as("seed %d: %s", seed, r.describe()).isEqualTo(CheckResult.Outcome.PASS));
    }

    private static final long PCS_SEEDS = 3;

    /**
     * One result per check and file: drbdadm, corosync -t, chronyd and the network tool per node;
     * crm_verify and three previews; the agent metadata per resource and fence device; the resolver
     * per host with /etc/hosts; two open-iscsi files and the fstab line per managed initiator; the
     * modules-load.d file per node, the sysctl.d file per node with LIO or the replication fallback, and /etc/default/sbd per node with SBD; the cross-file
     * consistency; the pcs script.
     */
    static int expectedChecks(Project project) {
        int initiators = project.managedInitiators().size();
        int fstabs = (int) project.managedInitiators().stream().filter(i -> i.filesystem() != null).count();
        if (project.profile() != io.tandem.model.Profile.MODERN) {
            return 2 + 2 * initiators + fstabs;
        }
        var layout = io.tandem.render.modern.PacemakerLayoutBuilder.build(project, new io.tandem.render.SecretBook());
        int resources = layout.drbdClones().size() + layout.group().members().size() + layout.fenceDevices().size();
        int nodes = project.nodes().size();
        int sbd = project.cluster().stonith().type() == io.tandem.model.StonithType.SBD ? nodes : 0;
        int sysctl = project.target().implementation() == io.tandem.model.TargetImplementation.LIO || project.networks().replication().fallsBackOverClient() ? nodes : 0;
        int qdevice = project.cluster().witness().isPresent() ? nodes : 0; // the qdevice's start drop-in
        return 5 * nodes + sbd + sysctl + qdevice + 4 + resources + (nodes + initiators) + 2 * initiators + fstabs + 1 + 1;
    }

    static FileSet replace(FileSet files, String host, String path, java.util.function.UnaryOperator<String> change) {
        List<RenderedFile> changed = new ArrayList<>();
        boolean found = false;
        for (RenderedFile f : files.files()) {
            if (f.host().equals(host) && f.path().equals(path)) {
                changed.add(new RenderedFile(f.host(), f.path(), change.apply(f.content()), f.mode(), f.placement(), f.purpose()));
                found = true;
            } else {
                changed.add(f);
            }
        }
        assertThat(found).as("%s:%s exists", host, path).isTrue();
        return new FileSet(changed, files.secrets());
    }
}
