package io.tandem.cli;

import io.tandem.export.AuditExporter;
import io.tandem.export.ExportException;
import io.tandem.model.Problem;
import io.tandem.model.Project;
import io.tandem.model.ProjectValidator;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes every generated file for audit: DIR/<host>/<path>, DIR/cluster/, SUMMARY.md and MANIFEST.sha256.",
                "Secrets appear as <redacted:NAME> unless --include-secrets."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "FILE", description = "The project (*.tandem.json).")
    Path project;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the bundle (new or empty, unless --force).")
    Path out;

    @Option(names = "--include-secrets", description = "Write the real secrets instead of <redacted:NAME>.")
    boolean includeSecrets;

    @Option(names = "--force", description = "Replace the contents of a non-empty DIR.")
    boolean force;

    @Option(names = "--failover-reports", paramLabel = "DIR", description = {"The failover tests' reports to include (default: the project's",
            "state folder, failover-tests/, where tandem failover-test writes them; absent: none)."})
    Path failoverReports;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Project loaded = ProjectLoader.read(project, stderr);
        List<Problem> problems = ProjectLoader.validate(loaded);
        if (ProjectValidator.hasErrors(problems)) {
            ProjectLoader.print(problems, stderr);
            stderr.println("Nothing exported: " + ProjectLoader.counts(problems) + ". Fix the errors, then export again.");
            return ExitCodes.CHECK_FAILED;
        }
        ProjectLoader.print(problems, stdout);
        try {
            Path reports = failoverReports != null ? failoverReports
                    : io.tandem.apply.StateDirectory.of(project, loaded.clusterName()).resolve("failover-tests");
            if (failoverReports != null && !java.nio.file.Files.isDirectory(failoverReports)) {
                stderr.println("Nothing exported: --failover-reports " + failoverReports + " is not a folder. Give the folder tandem failover-test "
                        + "wrote its reports to, or leave the option out.");
                return ExitCodes.BAD_INPUT;
            }
            AuditExporter.Attachments attachments;
            try {
                attachments = io.tandem.failover.ReportFiles.attachments(reports);
            } catch (java.io.IOException e) {
                stderr.println("Nothing exported: the failover reports in " + reports + " cannot be read (" + e.getMessage() + ").");
                return ExitCodes.BAD_INPUT;
            }
            var result = new AuditExporter().export(loaded, Renderers.render(loaded), problems, out,
                    includeSecrets ? SecretPolicy.REVEAL : SecretPolicy.REDACT, force, attachments);
            if (!attachments.files().isEmpty()) {
                stdout.println("With " + attachments.summary().size() + " failover test report(s) from " + reports + ".");
            }
            stdout.println("Exported " + result.fileCount() + " files to " + result.directory()
                    + (result.secretsIncluded() ? " WITH SECRETS: keep it safe." : " (secrets redacted)."));
            return ExitCodes.OK;
        } catch (ExportException e) {
            stderr.println("Export failed: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }
}
