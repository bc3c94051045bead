package io.tandem.export;

import io.tandem.model.Problem;
import io.tandem.model.Project;
import io.tandem.model.ProjectValidator;
import io.tandem.render.FileSet;
import io.tandem.render.Placement;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretBook;
import io.tandem.render.SecretPolicy;
import io.tandem.testing.Examples;
import io.tandem.testing.Variants;
import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditExporterTest {

    private final AuditExporter exporter = new AuditExporter();

    @Test
    void writesEveryFileAtItsHostPathWithSummaryAndAManifestThatSha256sumAccepts(@TempDir Path dir) throws Exception {
        Project project = Examples.modern();
        FileSet files = Renderers.render(project);
        Path out = dir.resolve("bundle");
        var result = exporter.export(project, files, warnings(project), out, SecretPolicy.REDACT, false);

        assertThat(result.fileCount()).isEqualTo(files.files().size() + 1);
        assertThat(out.resolve("node1/etc/corosync/corosync.conf")).exists();
        assertThat(out.resolve("cluster/cib.xml")).exists();
        assertThat(out.resolve("client/etc/iscsi/iscsid.conf")).exists();
        String summary = Files.readString(out.resolve(AuditExporter.SUMMARY));
        assertThat(summary).contains("192.168.50.100", "node1", "STONITH is disabled", "`node2/etc/drbd.d/r1.res`", "chap-incoming-secret");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("client/etc/iscsi/iscsid.conf"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("node1/etc/hosts")))).isEqualTo("rw-r--r--");

        var check = LocalCommand.run(List.of("sha256sum", "--strict", "-c", AuditExporter.MANIFEST), Map.of(), out, Duration.ofSeconds(30));
        assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isZero();
        assertThat(check.stdout().lines().count()).isEqualTo(result.fileCount());

        Files.writeString(out.resolve("node1/etc/hosts"), "tampered\n");
        var tampered = LocalCommand.run(List.of("sha256sum", "-c", AuditExporter.MANIFEST), Map.of(), out, Duration.ofSeconds(30));
        assertThat(tampered.exitCode()).isNotZero();
        assertThat(tampered.stdout()).contains("node1/etc/hosts: FAILED");
    }

    @Test
    void secretsAreRedactedUnlessAskedFor(@TempDir Path dir) throws Exception {
        Project project = Examples.modern();
        String chap = project.chap().incoming().secret().reveal();
        String drbd = project.replication().sharedSecret().reveal();

        Path redacted = dir.resolve("redacted");
        exporter.export(project, Renderers.render(project), warnings(project), redacted, SecretPolicy.REDACT, false);
        assertThat(allText(redacted)).doesNotContain(chap, drbd).contains("<redacted:chap-incoming-secret>", "&lt;redacted:chap-incoming-secret&gt;");

        Path revealed = dir.resolve("revealed");
        var result = exporter.export(project, Renderers.render(project), warnings(project), revealed, SecretPolicy.REVEAL, false);
        assertThat(result.secretsIncluded()).isTrue();
        assertThat(allText(revealed)).contains(chap, drbd);
        assertThat(Files.readString(revealed.resolve(AuditExporter.SUMMARY))).contains("This bundle contains secrets");
    }

    @Test
    void aNonEmptyDirectoryIsRefusedUnlessForced(@TempDir Path dir) throws Exception {
        Project project = Examples.seed();
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> exporter.export(project, Renderers.render(project), List.of(), out, SecretPolicy.REDACT, false))
                .isInstanceOf(ExportException.class).hasMessageContaining("not empty").hasMessageContaining("--force");
        assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");

        exporter.export(project, Renderers.render(project), List.of(), out, SecretPolicy.REDACT, true);
        assertThat(out.resolve("keep.txt")).doesNotExist();
        assertThat(out.resolve("cluster/srv/data/iscsi/ietd.conf")).exists();
        assertThat(siblings(dir)).containsExactly("out");
    }

    @Test
    void anEmptyExistingDirectoryIsWrittenIntoAndKeptWithItsModeAndNothingHiddenIsLeft(@TempDir Path dir) throws Exception {
        Project project = Examples.seed();
        Path out = Files.createDirectories(dir.resolve("empty"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-x---"));
        Object folder = Files.readAttributes(out, BasicFileAttributes.class).fileKey();
        exporter.export(project, Renderers.render(project), List.of(), out, SecretPolicy.REDACT, false);

        assertThat(out.resolve("node2/etc/heartbeat/authkeys")).exists();
        assertThat(Files.readAttributes(out, BasicFileAttributes.class).fileKey()).as("the same folder, so its owner too").isEqualTo(folder);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwxr-x---");
        assertThat(siblings(dir)).containsExactly("empty");
        assertThat(siblings(out)).allSatisfy(name -> assertThat(name).doesNotStartWith("."))
                .contains("node1", "node2", "cluster", AuditExporter.SUMMARY, AuditExporter.MANIFEST);
    }

    @Test
    void aFailureInAnEmptyExistingDirectoryLeavesItEmptyAndAsItWas(@TempDir Path dir) throws IOException {
        Project project = Examples.modern();
        Path out = Files.createDirectories(dir.resolve("empty"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwx------"));
        assertThatThrownBy(() -> exporter.export(project, clash(), List.of(), out, SecretPolicy.REDACT, false))
                .isInstanceOf(ExportException.class).hasMessageContaining("nothing was written");
        assertThat(siblings(out)).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwx------");
        assertThat(siblings(dir)).containsExactly("empty");
    }

    @Test
    void aFailureHalfwayLeavesNothingBehind(@TempDir Path dir) throws IOException {
        Project project = Examples.modern();
        Path out = dir.resolve("bundle");
        assertThatThrownBy(() -> exporter.export(project, clash(), List.of(), out, SecretPolicy.REDACT, false))
                .isInstanceOf(ExportException.class).hasMessageContaining("nothing was written");
        assertThat(out).doesNotExist();
        assertThat(siblings(dir)).isEmpty();
    }

    @Test
    void aTargetThatIsAFileIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        Project project = Examples.seed();
        assertThatThrownBy(() -> exporter.export(project, Renderers.render(project), List.of(), file, SecretPolicy.REDACT, false))
                .isInstanceOf(ExportException.class).hasMessageContaining("not a directory");
    }

    @Test
    void placementsAreExplainedInTheSummary(@TempDir Path dir) throws Exception {
        Project project = Examples.modern();
        Path out = dir.resolve("b");
        exporter.export(project, Renderers.render(project), warnings(project), out, SecretPolicy.REDACT, false);
        String summary = Files.readString(out.resolve(AuditExporter.SUMMARY));
        assertThat(summary).contains(Placement.MANAGED_BLOCK.description(), Placement.SETTINGS.description(), "then unblock");
    }

    @Test
    void fencePasswordsAreRedactedUnlessAskedFor(@TempDir Path dir) throws Exception {
        for (Project project : List.of(Variants.virsh(), Variants.drbd9UbuntuTgtStonith())) {
            List<String> passwords = project.cluster().stonith().devices().stream().map(d -> d.password().reveal()).toList();
            Path redacted = dir.resolve(project.cluster().stonith().type().agent() + "-redacted");
            exporter.export(project, Renderers.render(project), warnings(project), redacted, SecretPolicy.REDACT, false);
            // Both in XML: cib.xml, and the nvpair that pcs-commands.sh feeds to cibadmin.
            assertThat(allText(redacted)).doesNotContain(passwords).contains("&lt;redacted:fence-node1-password&gt;",
                    "&lt;redacted:fence-node2-password&gt;");
            Path revealed = dir.resolve(project.cluster().stonith().type().agent() + "-revealed");
            exporter.export(project, Renderers.render(project), warnings(project), revealed, SecretPolicy.REVEAL, false);
            assertThat(allText(revealed)).contains(passwords);
        }
    }

    @Test
    void theSummarySaysAFencedNodeStaysOff(@TempDir Path dir) throws Exception {
        Project off = Examples.read(Examples.VM_LAB_IPMI);
        exporter.export(off, Renderers.render(off), warnings(off), dir.resolve("off"), SecretPolicy.REDACT, false);
        assertThat(Files.readString(dir.resolve("off").resolve(AuditExporter.SUMMARY))).contains("fence_ipmilan",
                "A fenced node is switched off and stays off (`stonith-action=off`)", "(`power_wait=0`, its default waits 2 s first)");
        Project reboot = io.tandem.testing.JsonEdit.of(Examples.VM_LAB_IPMI).remove("$.cluster.stonith.action").project();
        exporter.export(reboot, Renderers.render(reboot), warnings(reboot), dir.resolve("reboot"), SecretPolicy.REDACT, false);
        assertThat(Files.readString(dir.resolve("reboot").resolve(AuditExporter.SUMMARY))).contains("fence_ipmilan").doesNotContain("stays off");
    }

    @Test
    void theSummaryExplainsSbdAndThatApplyInitializesTheDisk(@TempDir Path dir) throws Exception {
        Project project = Variants.sbd();
        Path out = dir.resolve("sbd");
        exporter.export(project, Renderers.render(project), warnings(project), out, SecretPolicy.REDACT, false);
        String summary = Files.readString(out.resolve(AuditExporter.SUMMARY));
        assertThat(summary).contains("STONITH with SBD", "softdog", "msgwait (10 s)", "stonith-timeout is 60 s", "SBD_STARTMODE=clean",
                "`sbd -d /dev/disk/by-id/wwn-0x6001405d3a8f0c2b9e1d4b7a5c6e8f01 -1 5 -4 10 create`", "typed the disk's path",
                "--confirm-destroy");
        assertThat(out.resolve("node1/etc/default/sbd")).exists();
        assertThat(Files.readString(out.resolve("node2/etc/modules-load.d/tandem.conf"))).contains("softdog");
        Path virsh = dir.resolve("virsh");
        exporter.export(Variants.virsh(), Renderers.render(Variants.virsh()), warnings(Variants.virsh()), virsh, SecretPolicy.REDACT, false);
        assertThat(Files.readString(virsh.resolve(AuditExporter.SUMMARY))).contains("fence_virsh", "node1: domain `tandem-node1` on root@192.168.50.1");
    }

    /** A file and a directory at the same place: the second cannot be written. */
    private static FileSet clash() {
        return new FileSet(List.of(
                RenderedFile.whole("node1", "/etc/a", "x\n", "first"),
                RenderedFile.whole("node1", "/etc/a/b", "y\n", "second")), new SecretBook());
    }

    private static List<Problem> warnings(Project project) {
        List<Problem> problems = ProjectValidator.validate(project);
        assertThat(problems).noneMatch(Problem::isError);
        return problems;
    }

    private static String allText(Path root) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(p));
            }
        }
        return all.toString();
    }

    private static List<String> siblings(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
