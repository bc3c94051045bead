package io.tandem.verify;

import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.QdeviceStartRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code systemd-analyze verify} on corosync.service with each node's drop-in from
 * {@link QdeviceStartRenderer} in front of the system's unit folders: systemd loads the unit and
 * the drop-in as it would on the node, and names the file for every line it ignores (an unknown
 * key or section is only a warning to systemd, so a misspelt one would silently do nothing). Then
 * the drop-in's {@code Wants=} must be the qdevice's unit, and systemd must know that unit.
 */
public final class SystemdDropInCheck implements ToolCheck {

    static final String TOOL = "systemd-analyze verify";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        List<CheckResult> results = new ArrayList<>();
        var analyze = LocalCommand.find("systemd-analyze");
        // The wanted unit does not depend on any node's drop-in: systemd is asked about it once.
        LocalCommand.Output wanted = null;
        for (Node node : project.nodes()) {
            var file = files.find(node.name(), QdeviceStartRenderer.PATH);
            String subject = node.name() + " " + QdeviceStartRenderer.PATH;
            if (file.isEmpty()) {
                if (project.cluster().witness().isPresent()) {
                    results.add(CheckResult.fail(TOOL, subject, "missing: a node rejoining after a failed boot would run without the witness's vote"));
                }
                continue;
            }
            if (analyze.isEmpty()) {
                results.add(CheckResult.skipped(TOOL, subject, "not installed (apt-get install systemd)"));
                continue;
            }
            try {
                String text = files.text(file.get(), SecretPolicy.REDACT);
                Path units = workDir.resolve("units-" + node.name());
                Path dropIn = Files.createDirectories(units.resolve(QdeviceStartRenderer.UNIT + ".d")).resolve(Path.of(QdeviceStartRenderer.PATH).getFileName());
                Files.writeString(dropIn, text);
                // The trailing ':' keeps the system's own unit folders after this one (corosync.service comes from its package).
                Map<String, String> env = Map.of("SYSTEMD_UNIT_PATH", units + ":", "SYSTEMD_LOG_COLOR", "0");
                var unit = LocalCommand.run(List.of(analyze.get().toString(), "verify", QdeviceStartRenderer.UNIT), env, workDir, TIMEOUT);
                if (wanted == null) {
                    wanted = LocalCommand.run(List.of(analyze.get().toString(), "verify", QdeviceStartRenderer.WANTED), Map.of(), workDir, TIMEOUT);
                }
                List<String> aboutDropIn = unit.stderr().lines().filter(l -> l.contains(dropIn.getFileName().toString())).toList();
                List<String> wants = wants(text);
                if (!unit.ok() || !aboutDropIn.isEmpty()) {
                    results.add(CheckResult.fail(TOOL, subject, "exit " + unit.exitCode() + ": " + String.join("; ", aboutDropIn.isEmpty() ? List.of(unit.stderr().strip()) : aboutDropIn)));
                } else if (!wants.equals(List.of(QdeviceStartRenderer.WANTED))) {
                    results.add(CheckResult.fail(TOOL, subject, "wants " + wants + ", the quorum device needs " + QdeviceStartRenderer.WANTED));
                } else if (!wanted.ok()) {
                    results.add(CheckResult.fail(TOOL, subject, QdeviceStartRenderer.WANTED + " is no unit systemd knows: " + wanted.stderr().strip()));
                } else {
                    results.add(CheckResult.pass(TOOL, subject, "loaded with " + QdeviceStartRenderer.UNIT + "; wants " + String.join(" ", wants)));
                }
            } catch (IOException e) {
                results.add(CheckResult.fail(TOOL, subject, e.getMessage()));
            }
        }
        return results;
    }

    /** The units a drop-in's [Unit] section names in Wants= lines, as systemd splits them (on white space). */
    static List<String> wants(String text) {
        List<String> units = new ArrayList<>();
        String section = "";
        for (String line : text.lines().map(String::strip).toList()) {
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line;
            } else if (section.equals("[Unit]") && line.startsWith("Wants=")) {
                units.addAll(List.of(line.substring("Wants=".length()).strip().split("\\s+")));
            }
        }
        return units;
    }
}
