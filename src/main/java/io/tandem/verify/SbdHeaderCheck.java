package io.tandem.verify;

import io.tandem.facts.SbdHeader;
import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.model.Sbd;
import io.tandem.model.StonithType;
import io.tandem.render.FileSet;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.SbdConfigRenderer;
import io.tandem.render.modern.SbdSettings;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the SBD create command apply will run, on a loop device over a file in the work directory
 * (sbd refuses regular files: it asks the kernel for the sector size), then {@code sbd dump}: the
 * header must hold the project's timeouts, and each node's /etc/default/sbd must agree with it.
 * Needs root for the loop device, so it is not part of {@link RealToolChecks#all()}: the tests run it.
 */
public final class SbdHeaderCheck implements ToolCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TOOL = "sbd create + dump";

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        List<CheckResult> results = new ArrayList<>();
        if (project.profile() != Profile.MODERN || project.cluster().stonith().type() != StonithType.SBD) {
            return results;
        }
        Sbd sbd = project.cluster().stonith().sbd();
        String subject = "SBD header for " + String.join(", ", sbd.devices());
        var sbdTool = LocalCommand.find("sbd");
        var losetup = LocalCommand.find("losetup");
        if (sbdTool.isEmpty() || losetup.isEmpty()) {
            results.add(CheckResult.skipped(TOOL, subject, "needs sbd and losetup (apt-get install sbd mount)"));
            return results;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            results.add(CheckResult.skipped(TOOL, subject, "needs root to attach a loop device"));
            return results;
        }
        try {
            Path dir = Files.createDirectories(workDir.resolve("sbd"));
            Path image = dir.resolve("sbd-disk.img");
            try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
                file.setLength(4L << 20); // 255 slots of 512-byte sectors fit many times over
            }
            var attach = LocalCommand.run(List.of(losetup.get().toString(), "--find", "--show", image.toString()), Map.of(), dir, TIMEOUT);
            if (!attach.ok()) {
                results.add(CheckResult.fail("losetup", subject, "exit " + attach.exitCode() + ": " + attach.stderr().strip()));
                return results;
            }
            String loop = attach.stdout().strip();
            if (!loop.matches("/dev/loop[0-9]+")) {
                // Never aim 'sbd create' at anything but the loop device just made.
                results.add(CheckResult.fail("losetup", subject, "unexpected output '" + loop + "'"));
                return results;
            }
            try {
                results.add(createAndDump(sbdTool.get(), sbd, loop, project, files, subject, dir));
            } finally {
                LocalCommand.run(List.of(losetup.get().toString(), "--detach", loop), Map.of(), dir, TIMEOUT);
            }
        } catch (IOException e) {
            results.add(CheckResult.fail(TOOL, subject, e.getMessage()));
        }
        return results;
    }

    private static CheckResult createAndDump(Path sbdTool, Sbd sbd, String loop, Project project, FileSet files, String subject, Path dir)
            throws IOException {
        List<String> create = new ArrayList<>(SbdSettings.createCommand(sbd, loop));
        create.set(0, sbdTool.toString());
        var created = LocalCommand.run(create, Map.of(), dir, TIMEOUT);
        if (!created.ok()) {
            return CheckResult.fail(TOOL, subject, "create exit " + created.exitCode() + ": " + (created.stderr() + created.stdout()).strip());
        }
        var dump = LocalCommand.run(List.of(sbdTool.toString(), "-d", loop, "dump"), Map.of(), dir, TIMEOUT);
        if (!dump.ok()) {
            return CheckResult.fail(TOOL, subject, "dump exit " + dump.exitCode() + ": " + dump.stderr().strip());
        }
        Map<String, Integer> header = timeouts(dump.stdout());
        List<String> wrong = new ArrayList<>();
        if (!Integer.valueOf(sbd.watchdogTimeout()).equals(header.get("watchdog"))) {
            wrong.add("header watchdog timeout " + header.get("watchdog") + ", project " + sbd.watchdogTimeout());
        }
        if (!Integer.valueOf(sbd.msgwaitTimeout()).equals(header.get("msgwait"))) {
            wrong.add("header msgwait " + header.get("msgwait") + ", project " + sbd.msgwaitTimeout());
        }
        for (var node : project.nodes()) {
            var file = files.find(node.name(), SbdConfigRenderer.PATH);
            if (file.isEmpty()) {
                wrong.add(node.name() + " has no " + SbdConfigRenderer.PATH);
                continue;
            }
            String text = files.text(file.get(), SecretPolicy.REDACT);
            if (!text.contains("\nSBD_WATCHDOG_TIMEOUT=" + header.get("watchdog") + "\n")) {
                wrong.add(node.name() + SbdConfigRenderer.PATH + " disagrees with the header's watchdog timeout");
            }
            if (!text.contains("\nSBD_DEVICE=\"" + String.join(";", sbd.devices()) + "\"\n")) {
                wrong.add(node.name() + SbdConfigRenderer.PATH + " does not list the SBD disks");
            }
        }
        return wrong.isEmpty()
                ? CheckResult.pass(TOOL, subject, "header watchdog " + header.get("watchdog") + " s, msgwait " + header.get("msgwait") + " s")
                : CheckResult.fail(TOOL, subject, String.join("; ", wrong));
    }

    static Map<String, Integer> timeouts(String dump) {
        return SbdHeader.parse(dump).map(h -> Map.of("watchdog", h.watchdogSeconds(), "msgwait", h.msgwaitSeconds())).orElse(Map.of());
    }
}
