package io.tandem.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.model.Filesystem;
import io.tandem.model.Initiator;
import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * util-linux's {@code findmnt --verify} on each initiator's fstab lines, then {@code findmnt} reads
 * the entry back: one entry, the project's mount point, filesystem type and options with
 * {@code _netdev}, never checked by fsck at boot. The verifier also looks for the device and the
 * mount point on the machine it runs on; those findings are about this machine, not the file.
 */
public final class FstabCheck implements ToolCheck {

    static final String TOOL = "findmnt --verify";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Findings that only say the disk or mount point is not on this machine (they are on the initiator). */
    private static final List<String> ABOUT_THIS_MACHINE = List.of("unreachable", "cannot detect on-disk filesystem type",
            "your fstab has been modified");

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        List<CheckResult> results = new ArrayList<>();
        var findmnt = LocalCommand.find("findmnt");
        for (Initiator initiator : project.managedInitiators()) {
            var file = files.find(initiator.name(), "/etc/fstab");
            if (file.isEmpty()) {
                continue;
            }
            String subject = initiator.name() + " /etc/fstab";
            if (findmnt.isEmpty()) {
                results.add(CheckResult.skipped(TOOL, subject, "not installed (apt-get install util-linux)"));
                continue;
            }
            try {
                results.add(check(project, initiator, files, file.get(), findmnt.get(), workDir.resolve("fstab-" + initiator.name()), subject));
            } catch (IOException e) {
                results.add(CheckResult.fail(TOOL, subject, e.getMessage()));
            }
        }
        return results;
    }

    private static CheckResult check(Project project, Initiator initiator, FileSet files, RenderedFile file, Path findmnt, Path dir,
                                     String subject) throws IOException {
        Files.createDirectories(dir);
        Path fstab = dir.resolve("fstab");
        Files.writeString(fstab, files.text(file, SecretPolicy.REVEAL));
        var verify = LocalCommand.run(List.of(findmnt.toString(), "--verify", "--verbose", "--tab-file", fstab.toString()), Map.of(), dir,
                TIMEOUT);
        List<String> wrong = new ArrayList<>(findings(verify.stdout() + verify.stderr()));
        var read = LocalCommand.run(List.of(findmnt.toString(), "--tab-file", fstab.toString(), "--json",
                "--output", "SOURCE,TARGET,FSTYPE,OPTIONS,FREQ,PASSNO"), Map.of(), dir, TIMEOUT);
        if (!read.ok()) {
            return CheckResult.fail("findmnt", subject, "exit " + read.exitCode() + ": " + read.stderr().strip());
        }
        wrong.addAll(differences(project, initiator.filesystem(), JSON.readTree(read.stdout()).path("filesystems")));
        return wrong.isEmpty() ? CheckResult.pass(TOOL, subject, "one entry for " + initiator.filesystem().mountPoint() + " as the project says")
                : CheckResult.fail(TOOL, subject, String.join("; ", wrong));
    }

    /** The verifier's errors and warnings about the file itself, and its parse errors. */
    static List<String> findings(String output) {
        List<String> wrong = new ArrayList<>();
        for (String line : output.lines().map(String::strip).toList()) {
            if ((line.startsWith("[E]") || line.startsWith("[W]"))
                    && ABOUT_THIS_MACHINE.stream().noneMatch(m -> line.substring(3).strip().startsWith(m))) {
                wrong.add(line);
            }
            var parseErrors = java.util.regex.Pattern.compile("(\\d+) parse errors?").matcher(line);
            if (parseErrors.find() && !parseErrors.group(1).equals("0")) {
                wrong.add(line);
            }
            if (line.contains("parse error at line")) {
                wrong.add(line);
            }
        }
        return wrong;
    }

    static List<String> differences(Project project, Filesystem fs, JsonNode entries) {
        List<String> wrong = new ArrayList<>();
        if (entries.size() != 1) {
            wrong.add(entries.size() + " entries, expected one");
            return wrong;
        }
        JsonNode entry = entries.get(0);
        compare(wrong, "mount point", fs.mountPoint(), entry.path("target").asText());
        compare(wrong, "filesystem type", fs.type(), entry.path("fstype").asText());
        if (fs.uuid() != null) {
            compare(wrong, "source", "UUID=" + fs.uuid(), entry.path("source").asText());
        } else if (!entry.path("source").asText().contains("-iscsi-" + project.target().iqn() + "-lun-")) {
            wrong.add("source " + entry.path("source").asText() + " is not a LUN of " + project.target().iqn());
        }
        Set<String> read = new LinkedHashSet<>(Arrays.asList(entry.path("options").asText().split(",")));
        Set<String> expected = new LinkedHashSet<>(Arrays.asList(fs.options().split(",")));
        expected.remove("defaults");
        if (project.profile() == Profile.MODERN) {
            // Without it boot tries to mount before the network and the iSCSI login are up.
            expected.add("_netdev");
        }
        read.remove("defaults");
        compare(wrong, "options", expected, read);
        compare(wrong, "passno (fsck at boot)", "0", entry.path("passno").asText());
        return wrong;
    }

    private static void compare(List<String> wrong, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            wrong.add(what + ": read " + actual + ", the project says " + expected);
        }
    }
}
