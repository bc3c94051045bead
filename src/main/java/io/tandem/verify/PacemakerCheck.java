package io.tandem.verify;

import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.modern.PacemakerLayout;
import io.tandem.render.modern.PacemakerLayoutBuilder;
import io.tandem.render.SecretBook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code crm_verify} on the CIB, then the failover preview: everything must start on the preferred
 * node with every DRBD resource promoted there, and move entirely to the other node when the
 * preferred one is lost, or start there when the preferred node's data is behind. crm_simulate exits 0 even when nothing starts, so placements are checked.
 */
public final class PacemakerCheck implements ToolCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        List<CheckResult> results = new ArrayList<>();
        if (project.profile() != Profile.MODERN) {
            return results;
        }
        var verify = LocalCommand.find("crm_verify");
        if (verify.isEmpty() || !FailoverPreview.available()) {
            results.add(CheckResult.skipped("crm_verify", "cluster/cib.xml", "not installed (apt-get install pacemaker-cli-utils)"));
            return results;
        }
        try {
            Path dir = Files.createDirectories(workDir.resolve("pacemaker"));
            Path cib = dir.resolve("cib.xml");
            // Judged in the state right after the push (both nodes online): a STONITH configuration
            // is otherwise only warned about ("startup fencing") because no node has been seen yet.
            Files.writeString(cib, SimulationCib.withBothNodesOnline(project, FailoverPreview.cibText(files)));
            var out = LocalCommand.run(List.of(verify.get().toString(), "-x", cib.toString(), "-V"), FailoverPreview.env(dir), dir, TIMEOUT);
            results.add(out.ok() ? CheckResult.pass("crm_verify", "cluster/cib.xml", "valid")
                    : CheckResult.fail("crm_verify", "cluster/cib.xml", "exit " + out.exitCode() + ": " + out.stderr().strip()));
            FailoverPreview.Result preview = FailoverPreview.run(project, files, workDir);
            results.add(judge(project, "start", preview.start(), project.cluster().preferredNode()));
            results.add(judge(project, "failover when " + preview.lostNode() + " is lost", preview.afterLoss(),
                    FailoverPreview.other(project, preview.lostNode())));
            // The preferred node's data is behind (it was down while the peer served): DRBD can be
            // promoted only on the peer, and the iSCSI group must follow it there rather than its
            // location preference. Only the colocations with the promoted role make it follow.
            String behind = project.cluster().preferredNode();
            results.add(judge(project, "start while " + behind + "'s data is behind",
                    FailoverPreview.start(project, files, workDir, java.util.Map.of(behind, 1)), FailoverPreview.other(project, behind)));
        } catch (IOException | IllegalArgumentException e) {
            results.add(CheckResult.fail("crm_simulate", "cluster/cib.xml", e.getMessage()));
        }
        return results;
    }

    static CheckResult judge(Project project, String scenario, List<ResourcePlacement> placements, String expectedNode) {
        PacemakerLayout layout = PacemakerLayoutBuilder.build(project, new SecretBook());
        List<String> wrong = new ArrayList<>();
        for (PacemakerLayout.Clone clone : layout.drbdClones()) {
            List<String> promoted = FailoverPreview.Result.nodesOf(placements, clone.primitive().id(), "Promoted");
            if (!promoted.equals(List.of(expectedNode))) {
                wrong.add(clone.primitive().id() + " promoted on " + promoted);
            }
        }
        for (PacemakerLayout.Primitive member : layout.group().members()) {
            List<String> started = FailoverPreview.Result.nodesOf(placements, member.id(), "Started");
            if (!started.equals(List.of(expectedNode))) {
                wrong.add(member.id() + " started on " + started);
            }
        }
        String subject = "failover preview: " + scenario;
        return wrong.isEmpty()
                ? CheckResult.pass("crm_simulate", subject, "all " + (layout.group().members().size() + layout.drbdClones().size())
                + " resources on " + expectedNode)
                : CheckResult.fail("crm_simulate", subject, "expected everything on " + expectedNode + ", but " + String.join("; ", wrong));
    }
}
