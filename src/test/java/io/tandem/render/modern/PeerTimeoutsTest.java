package io.tandem.render.modern;

import io.tandem.export.AuditExporter;
import io.tandem.model.PeerTimeouts;
import io.tandem.model.Problem;
import io.tandem.model.Project;
import io.tandem.model.ProjectFileException;
import io.tandem.model.ProjectValidator;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import io.tandem.testing.RealTools;
import io.tandem.verify.CheckResult;
import io.tandem.verify.LocalCommand;
import io.tandem.verify.RealToolChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DRBD's peer timeouts: validated against DRBD's ranges and rules, rendered, and passed by the real drbdadm to the kernel. */
class PeerTimeoutsTest {

    @TempDir
    Path dir;

    private static String r0(Project project, String host) {
        FileSet files = Renderers.render(project);
        RenderedFile file = files.files().stream().filter(f -> f.host().equals(host) && f.path().endsWith("/r0.res")).findFirst().orElseThrow();
        return files.text(file, SecretPolicy.REVEAL);
    }

    @Test
    void theRealDrbdadmConnectsWithTheProjectsTimeouts() throws Exception {
        RealTools.requireTier2();
        Project project = Examples.read(Examples.VM_LAB_QDEVICE);
        assertThat(project.replication().peerTimeouts()).isEqualTo(new PeerTimeouts(2, 15, 15));
        Path config = Files.writeString(dir.resolve("r0.res"), r0(project, "node1"));
        var up = LocalCommand.run(List.of("/usr/lib/drbd/drbdadm-84", "-c", config.toString(), "-d", "up", "r0"),
                Map.of("__DRBD_NODE__", "node1"), dir, Duration.ofSeconds(30));
        assertThat(up.exitCode()).as(up.stderr()).isZero();
        assertThat(up.stdout()).containsPattern("drbdsetup-84 connect r0 .* --ping-int=2 --ping-timeout=15 --timeout=15");
        List<CheckResult> results = RealToolChecks.run(project, Renderers.render(project));
        assertThat(results).isNotEmpty().allSatisfy(r -> assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS));
    }

    @Test
    void withoutThemTheResourceKeepsDrbdsDefaults() throws ProjectFileException {
        Project project = JsonEdit.of(Examples.VM_LAB_QDEVICE).remove("$.replication.peerTimeouts").project();
        assertThat(project.replication().peerTimeoutsOrDefault()).isEqualTo(PeerTimeouts.DRBD_DEFAULTS);
        assertThat(PeerTimeouts.DRBD_DEFAULTS.noticeSeconds()).isEqualTo(10.5);
        assertThat(r0(project, "node2")).doesNotContain("ping-int").doesNotContain("ping-timeout").doesNotContain("        timeout ");
        assertThat(ProjectValidator.validate(project)).noneMatch(p -> p.path().startsWith("$.replication.peerTimeouts."))
                .as("DRBD's half-second ping timeout is too short for the fallback's move").anyMatch(p -> p.path().equals("$.replication.peerTimeouts"));
    }

    @Test
    void theTutorialsDrbd83FileTakesThemAndItsDrbdadmAcceptsIt() throws Exception {
        RealTools.requireTier2();
        Project project = JsonEdit.of(Examples.SEED).set("$.replication.peerTimeouts",
                Map.of("pingIntervalSeconds", 3, "pingTimeoutTenths", 7, "timeoutTenths", 25)).project();
        FileSet files = Renderers.render(project);
        RenderedFile conf = files.files().stream().filter(f -> f.host().equals("node1") && f.path().equals("/etc/drbd.conf")).findFirst().orElseThrow();
        assertThat(files.text(conf, SecretPolicy.REDACT)).contains("\tping-int 3;\n\tping-timeout 7;\n\ttimeout 25;\n");
        List<CheckResult> results = RealToolChecks.run(project, files);
        assertThat(results).filteredOn(r -> r.describe().contains("drbdadm")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS));
    }

    @Test
    void aTimeoutNotShorterThanThePingIntervalIsRefusedWithTheFix() throws ProjectFileException {
        List<Problem> problems = ProjectValidator.validate(JsonEdit.of(Examples.VM_LAB_QDEVICE)
                .set("$.replication.peerTimeouts.timeoutTenths", 20).project());
        assertThat(problems).filteredOn(p -> p.path().equals("$.replication.peerTimeouts.timeoutTenths")).singleElement()
                .satisfies(p -> {
                    assertThat(p.isError()).isTrue();
                    assertThat(p.message()).contains("2.0 s").contains("shorter than its ping interval (2 s)");
                    assertThat(p.fix()).contains("below 20");
                });
    }

    @Test
    void withTheFallbackTimeoutsTooShortForTheMoveToTheClientNetworkAreWarnedAbout() throws ProjectFileException {
        assertThat(ProjectValidator.validate(Examples.read(Examples.VM_LAB_QDEVICE))).noneMatch(p -> p.path().startsWith("$.replication.peerTimeouts"));
        List<Problem> problems = ProjectValidator.validate(JsonEdit.of(Examples.VM_LAB_QDEVICE)
                .set("$.replication.peerTimeouts", Map.of("pingIntervalSeconds", 1, "pingTimeoutTenths", 5, "timeoutTenths", 9)).project());
        assertThat(problems).filteredOn(p -> p.path().equals("$.replication.peerTimeouts")).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.message()).contains("moves to the client network", "under 1.0 s drops it");
            assertThat(p.fix()).contains("2 / 15 / 15");
        });
        List<Problem> withoutFallback = ProjectValidator.validate(JsonEdit.of(Examples.VM_LAB_QDEVICE)
                .remove("$.networks.replication.fallbackOverClient")
                .set("$.replication.peerTimeouts", Map.of("pingIntervalSeconds", 1, "pingTimeoutTenths", 5, "timeoutTenths", 9)).project());
        assertThat(withoutFallback).noneMatch(p -> p.path().equals("$.replication.peerTimeouts"));
    }

    @Test
    void outOfRangeValuesAndAShortPingTimeoutAreNamed() throws ProjectFileException {
        List<Problem> problems = ProjectValidator.validate(JsonEdit.of(Examples.VM_LAB_QDEVICE)
                .set("$.replication.peerTimeouts", Map.of("pingIntervalSeconds", 0, "pingTimeoutTenths", 2, "timeoutTenths", 601)).project());
        assertThat(problems).anyMatch(p -> p.isError() && p.path().equals("$.replication.peerTimeouts.pingIntervalSeconds")
                && p.message().contains("between 1 and 120"));
        assertThat(problems).anyMatch(p -> p.isError() && p.path().equals("$.replication.peerTimeouts.timeoutTenths")
                && p.message().contains("between 1 and 600"));
        assertThat(problems).anyMatch(p -> !p.isError() && p.path().equals("$.replication.peerTimeouts.pingTimeoutTenths")
                && p.message().contains("drop a healthy connection"));
        assertThatThrownBy(() -> JsonEdit.of(Examples.VM_LAB_QDEVICE).remove("$.replication.peerTimeouts.timeoutTenths").project())
                .isInstanceOf(ProjectFileException.class).hasMessageContaining("'timeoutTenths' is required but missing");
    }

    @Test
    void theSummaryTellsAReviewerWhatACutLinkCosts() throws Exception {
        String withTimeouts = summary(Examples.read(Examples.VM_LAB_QDEVICE));
        assertThat(withTimeouts).contains("When the replication link is cut, the nodes reach each other's replication address over the client network",
                "When both networks are cut, the serving node notices within 3.5 s (ping-int 2 s + ping-timeout 1.5 s)",
                "holds its writes (fencing resource-and-stonith)");
        String withoutFallback = summary(JsonEdit.of(Examples.VM_LAB_QDEVICE).remove("$.networks.replication.fallbackOverClient").project());
        assertThat(withoutFallback).contains("When the replication link is cut, the serving node notices within 3.5 s")
                .doesNotContain("reach each other's replication address");
        String defaults = summary(JsonEdit.of(Examples.VM_LAB_QDEVICE).remove("$.replication.peerTimeouts")
                .set("$.replication.fencing", "resource-only").project());
        assertThat(defaults).contains("notices within 10.5 s (ping-int 10 s + ping-timeout 0.5 s, DRBD's defaults)", "writing on meanwhile");
    }

    private String summary(Project project) throws Exception {
        Path out = Files.createTempDirectory(dir, "bundle");
        var bundle = new AuditExporter().export(project, Renderers.render(project), List.of(), out.resolve("bundle"), SecretPolicy.REDACT, false);
        return Files.readString(bundle.directory().resolve("SUMMARY.md"));
    }
}
