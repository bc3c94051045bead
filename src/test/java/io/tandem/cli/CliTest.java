package io.tandem.cli;

import io.tandem.model.Project;
import io.tandem.model.ProjectFile;
import io.tandem.model.ProjectValidator;
import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import io.tandem.testing.RealTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    record Run(int code, String out, String err) {
    }

    static Run tandem(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TandemCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Run run = tandem("--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("validate", "export", "demo");
    }

    @Test
    void validateExitsZeroWithWarningsForTheSeed() {
        Run run = tandem("validate", "--project", Examples.SEED.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("warning $.chap.incoming.secret", "0 error(s), 4 warning(s)");
    }

    @Test
    void validateExitsOneOnErrorsAndNamesEachPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.tandem.json");
        Files.writeString(file, JsonEdit.of(Examples.MODERN).set("$.nodes[0].name", "a;reboot").set("$.target.iqn", "iqn.x").json());
        Run run = tandem("validate", "--project", file.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.out()).contains("error $.nodes[0].name: 'a;reboot' is not allowed here", "error $.target.iqn", "Fix:");
    }

    @Test
    void unreadableFilesExitTwoWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.tandem.json");
        Files.writeString(file, "{ \"schemaVersion\": 1, ");
        Run run = tandem("validate", "--project", file.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("not valid JSON").doesNotContain("Exception", "\tat ");

        Run unknown = tandem("validate", "--project", Files.writeString(dir.resolve("u.json"),
                JsonEdit.of(Examples.MODERN).set("$.colour", "blue").json()).toString());
        assertThat(unknown.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("$.colour", "unknown field");
    }

    @Test
    void aSecretWrittenWithoutQuotesIsNotPrinted(@TempDir Path dir) throws Exception {
        String secret = "rK8vT2qW6nZ4pX9s";
        Path file = Files.writeString(dir.resolve("bare.tandem.json"),
                Files.readString(Examples.MODERN).replace("\"" + secret + "\"", secret));
        for (String command : new String[] {"validate", "export"}) {
            Run run = command.equals("validate") ? tandem(command, "--project", file.toString())
                    : tandem(command, "--project", file.toString(), "--out", dir.resolve("out").toString());
            assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).contains("$.replication.sharedSecret", "line 49, column 21").doesNotContain("Exception", "\tat ");
            assertThat(run.out() + run.err()).doesNotContain(secret.substring(0, 4), secret.substring(4, 8), secret.substring(12));
        }
    }

    @Test
    void aSavedDemoIsNeverPlannedOrAppliedAgainstItsAddresses(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("demo.tandem.json"), JsonEdit.of(Examples.MODERN).set("$.demo", true).json());
        assertThat(tandem("validate", "--project", file.toString()).code()).as("a valid project").isEqualTo(ExitCodes.OK);
        for (String command : new String[] {"plan", "apply"}) {
            Run run = tandem(command, "--project", file.toString());
            assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).contains("is the demo cluster", "simulated", "remove \"demo\": true").doesNotContain("Exception");
        }
    }

    @Test
    void missingOptionsExitTwoWithAHint() {
        Run run = tandem("export", "--project", Examples.SEED.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--out", "tandem export --help");
    }

    @Test
    void exportWritesTheBundleAndRefusesToOverwrite(@TempDir Path dir) {
        Path out = dir.resolve("audit");
        Run run = tandem("export", "--project", Examples.SEED.toString(), "--out", out.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("secrets redacted");
        assertThat(out.resolve("node1/etc/heartbeat/ha.cf")).exists();

        Run again = tandem("export", "--project", Examples.SEED.toString(), "--out", out.toString());
        assertThat(again.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("not empty", "--force");
        assertThat(tandem("export", "--project", Examples.SEED.toString(), "--out", out.toString(), "--force").code()).isZero();
    }

    @Test
    void anInvalidProjectExportsNothing(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("p.json"), JsonEdit.of(Examples.MODERN).set("$.chap.incoming.secret", "short").json());
        Path out = dir.resolve("audit");
        Run run = tandem("export", "--project", file.toString(), "--out", out.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.err()).contains("Nothing exported", "$.chap.incoming.secret").doesNotContain("short");
        assertThat(out).doesNotExist();
    }

    @Test
    void demoWritesAValidPrivateProjectWithFreshSecrets(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demo.tandem.json");
        assertThat(tandem("demo", "--out", file.toString()).code()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Project demo = ProjectFile.read(file);
        assertThat(ProjectValidator.hasErrors(ProjectValidator.validate(demo))).isFalse();
        assertThat(demo.chap().incoming().secret()).isNotEqualTo(Examples.modern().chap().incoming().secret());
        assertThat(demo.chap().incoming().secret().length()).isEqualTo(16);
        assertThat(tandem("demo", "--out", file.toString()).code()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void validateWithToolsRunsTheRealChecks() {
        RealTools.requireTier2();
        Run run = tandem("validate", "--project", Examples.MODERN.toString(), "--with-tools");
        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).contains("pass  corosync -t  node2 corosync.conf", "failover when node1 is lost", "pass  pcs -f + crm_diff  cluster/pcs-commands.sh",
                "pass  sysctl.d reader  node1 /etc/sysctl.d/90-tandem.conf", "28 passed, 0 failed, 0 skipped"); // no port block pair with LioTarget: two agent checks fewer; its sysctl.d file on each node
    }
}
