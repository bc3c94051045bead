package io.tandem.verify;

import io.tandem.model.Node;
import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.model.Sbd;
import io.tandem.model.StonithType;
import io.tandem.render.FileSet;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.SbdConfigRenderer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Each node's {@code /etc/default/sbd} read as sbd.service gets it (systemd's EnvironmentFile:
 * {@code KEY=value} lines, a value in double or single quotes taken without them, {@code #} and
 * {@code ;} lines skipped, a later line winning): the project's SBD disks, watchdog device and
 * timeout, with Pacemaker integration on. The disk header itself is checked by
 * {@link SbdHeaderCheck}, which needs root.
 */
public final class SbdConfigCheck implements ToolCheck {

    static final String TOOL = "EnvironmentFile reader";

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        List<CheckResult> results = new ArrayList<>();
        if (project.profile() != Profile.MODERN || project.cluster().stonith().type() != StonithType.SBD) {
            return results;
        }
        Sbd sbd = project.cluster().stonith().sbd();
        for (Node node : project.nodes()) {
            String subject = node.name() + " " + SbdConfigRenderer.PATH;
            var file = files.find(node.name(), SbdConfigRenderer.PATH);
            if (file.isEmpty()) {
                results.add(CheckResult.fail(TOOL, subject, "missing: sbd would not know its disks"));
                continue;
            }
            Map<String, String> read = environment(files.text(file.get(), SecretPolicy.REDACT));
            List<String> wrong = new ArrayList<>();
            compare(wrong, read, "SBD_DEVICE", String.join(";", sbd.devices()));
            compare(wrong, read, "SBD_WATCHDOG_DEV", sbd.watchdogDevice());
            compare(wrong, read, "SBD_WATCHDOG_TIMEOUT", String.valueOf(sbd.watchdogTimeout()));
            compare(wrong, read, "SBD_PACEMAKER", "yes");
            results.add(wrong.isEmpty() ? CheckResult.pass(TOOL, subject, "disks, watchdog and timeout as the project says")
                    : CheckResult.fail(TOOL, subject, String.join("; ", wrong)));
        }
        return results;
    }

    static Map<String, String> environment(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String raw : text.lines().toList()) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";") || eq <= 0) {
                continue;
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            env.put(line.substring(0, eq).strip(), value);
        }
        return env;
    }

    private static void compare(List<String> wrong, Map<String, String> read, String key, String expected) {
        if (!Objects.equals(read.get(key), expected)) {
            wrong.add(key + ": read " + (read.containsKey(key) ? read.get(key) : "nothing") + ", the project says " + expected);
        }
    }
}
