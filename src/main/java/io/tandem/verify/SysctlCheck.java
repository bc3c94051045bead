package io.tandem.verify;

import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.model.TargetImplementation;
import io.tandem.render.FileSet;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.SysctlRenderer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each node's {@code /etc/sysctl.d} file read as systemd-sysctl reads it: with Tandem's LIO agent it
 * must allow the target to listen on the virtual IP before the node holds it, or the target's start
 * fails on the node taking over; with the replication network's fallback over the client network it
 * must filter reverse paths loosely. No tool can judge it here: sysctl would change this machine.
 */
public final class SysctlCheck implements ToolCheck {

    static final String TOOL = "sysctl.d reader";

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        List<CheckResult> results = new ArrayList<>();
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> needs = new ArrayList<>();
        if (project.target().implementation() == TargetImplementation.LIO) {
            expected.put(SysctlRenderer.NONLOCAL_BIND, "1");
            needs.add("the LIO target");
        }
        if (project.networks().replication().fallsBackOverClient()) {
            expected.put(SysctlRenderer.RP_FILTER, "2");
            expected.put(SysctlRenderer.THIN_LINEAR_TIMEOUTS, "1");
            needs.add("the replication network's fallback");
        }
        if (expected.isEmpty()) {
            return results;
        }
        String who = String.join(" and ", needs);
        for (Node node : project.nodes()) {
            String what = node.name() + " " + SysctlRenderer.PATH;
            var file = files.find(node.name(), SysctlRenderer.PATH);
            if (file.isEmpty()) {
                results.add(CheckResult.fail(TOOL, what, "missing: " + who + " need" + (needs.size() == 1 ? "s " : " ") + expected));
                continue;
            }
            Map<String, String> read = SysctlRenderer.settings(files.text(file.get(), SecretPolicy.REDACT));
            results.add(read.equals(expected) ? CheckResult.pass(TOOL, what, "sets " + read)
                    : CheckResult.fail(TOOL, what, "sets " + read + ", " + who + " need" + (needs.size() == 1 ? "s " : " ") + expected));
        }
        return results;
    }
}
