package io.tandem.cli;

import io.tandem.model.DemoProject;
import io.tandem.model.ProjectFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Writes the built-in demo cluster (two Debian 12 nodes, LIO, one client) as a project file to start from.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The project file to create (mode 0600).")
    Path out;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Override
    public Integer call() {
        if (Files.exists(out) && !force) {
            throw new UserError(out + " already exists. Choose another file or add --force to overwrite it.", ExitCodes.BAD_INPUT);
        }
        try {
            ProjectFile.write(DemoProject.withFreshSecrets(), out);
        } catch (IOException e) {
            throw new UserError("Cannot write " + out + " (" + e.getMessage() + "). Choose a file in a directory you can write to.",
                    ExitCodes.BAD_INPUT);
        }
        spec.commandLine().getOut().println("Wrote the demo project to " + out + " (mode 0600, new random secrets). "
                + "Next: tandem validate --project " + out);
        return ExitCodes.OK;
    }
}
