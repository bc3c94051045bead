package io.tandem.verify;

import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.model.TargetImplementation;
import io.tandem.render.FileSet;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.SysctlRenderer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Each node's {@code /etc/sysctl.d} file read as systemd-sysctl reads it: with Tandem's LIO agent it
 * must allow the target to listen on the virtual IP before the node holds it, or the target's start
 * fails on the node taking over. No tool can judge it here: sysctl would change this machine.
 */
public final class SysctlCheck implements ToolCheck {

    static final String TOOL = "sysctl.d reader";

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        List<CheckResult> results = new ArrayList<>();
        if (project.target().implementation() != TargetImplementation.LIO) {
            return results;
        }
        Map<String, String> expected = Map.of(SysctlRenderer.NONLOCAL_BIND, "1");
        for (Node node : project.nodes()) {
            String what = node.name() + " " + SysctlRenderer.PATH;
            var file = files.find(node.name(), SysctlRenderer.PATH);
            if (file.isEmpty()) {
                results.add(CheckResult.fail(TOOL, what, "missing: the LIO target cannot listen on the virtual IP before this node holds it"));
                continue;
            }
            Map<String, String> read = SysctlRenderer.settings(files.text(file.get(), SecretPolicy.REDACT));
            results.add(read.equals(expected) ? CheckResult.pass(TOOL, what, "sets " + read)
                    : CheckResult.fail(TOOL, what, "sets " + read + ", the LIO target needs " + expected));
        }
        return results;
    }
}
