package io.tandem.verify;

import io.tandem.model.Node;
import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.model.Sbd;
import io.tandem.model.StonithType;
import io.tandem.render.FileSet;
import io.tandem.render.SecretPolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Each node's {@code /etc/modules-load.d} file read as systemd-modules-load reads it (one module a
 * line, {@code #} and {@code ;} start comments): bonding and DRBD, and softdog when SBD uses it.
 * No tool can judge it here: modprobe looks at this machine's kernel, not the node's.
 */
public final class ModulesLoadCheck implements ToolCheck {

    static final String TOOL = "modules-load.d reader";
    static final String PATH = "/etc/modules-load.d/tandem.conf";

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        List<CheckResult> results = new ArrayList<>();
        if (project.profile() != Profile.MODERN) {
            return results;
        }
        for (Node node : project.nodes()) {
            files.find(node.name(), PATH).ifPresent(file -> {
                Set<String> read = modules(files.text(file, SecretPolicy.REDACT));
                Set<String> expected = expected(project);
                results.add(read.equals(expected) ? CheckResult.pass(TOOL, node.name() + " " + PATH, "loads " + String.join(", ", read))
                        : CheckResult.fail(TOOL, node.name() + " " + PATH, "loads " + read + ", the project needs " + expected));
            });
        }
        return results;
    }

    static Set<String> modules(String text) {
        Set<String> modules = new LinkedHashSet<>();
        for (String line : text.lines().map(String::strip).toList()) {
            if (!line.isEmpty() && !line.startsWith("#") && !line.startsWith(";")) {
                modules.add(line);
            }
        }
        return modules;
    }

    private static Set<String> expected(Project project) {
        Set<String> modules = new LinkedHashSet<>(List.of("bonding", "drbd"));
        var stonith = project.cluster().stonith();
        if (stonith.type() == StonithType.SBD && stonith.sbd().softdog()) {
            modules.add(Sbd.SOFTDOG);
        }
        return modules;
    }
}
