package io.tandem.cli;

import io.tandem.model.Problem;
import io.tandem.model.Project;
import io.tandem.model.ProjectValidator;
import io.tandem.render.FileSet;
import io.tandem.render.Renderers;
import io.tandem.verify.CheckResult;
import io.tandem.verify.RealToolChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a project file and prints every problem with its JSON path and a fix.",
                "Exit 0: valid (warnings allowed); 1: errors; 2: the file cannot be read."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "FILE", description = "The project (*.tandem.json).")
    Path project;

    @Option(names = "--with-tools", description = "Also check the generated files with the programs that read them, where installed: "
            + "drbdadm, corosync -t, crm_verify, crm_simulate, the resource and fence agents' metadata, netplan, ifupdown, chronyd, "
            + "findmnt, the C library's resolver and pcs; and that they agree with each other.")
    boolean withTools;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Project loaded = ProjectLoader.read(project, spec.commandLine().getErr());
        List<Problem> problems = ProjectLoader.validate(loaded);
        ProjectLoader.print(problems, out);
        boolean errors = ProjectValidator.hasErrors(problems);
        out.println(project + ": " + ProjectLoader.counts(problems) + ".");
        if (errors) {
            return ExitCodes.CHECK_FAILED;
        }
        if (!withTools) {
            return ExitCodes.OK;
        }
        FileSet files = Renderers.render(loaded);
        List<CheckResult> results;
        try {
            results = RealToolChecks.run(loaded, files);
        } catch (IOException e) {
            throw new UserError("The real-tool checks could not run: " + e.getMessage()
                    + ". Check that the temporary directory is writable.", ExitCodes.CHECK_FAILED);
        }
        results.forEach(r -> out.println(r.describe()));
        long failed = results.stream().filter(r -> r.outcome() == CheckResult.Outcome.FAIL).count();
        long skipped = results.stream().filter(r -> r.outcome() == CheckResult.Outcome.SKIPPED).count();
        out.println("Real-tool checks: " + (results.size() - failed - skipped) + " passed, " + failed + " failed, " + skipped + " skipped.");
        return failed > 0 ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }
}
