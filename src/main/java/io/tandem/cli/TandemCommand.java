package io.tandem.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The command line: {@code tandem validate|export|demo|discover|scan|plan|apply|status …}. */
@Command(name = "tandem", mixinStandardHelpOptions = true, versionProvider = TandemCommand.Version.class,
        description = {"Tandem turns two Linux servers into a highly available iSCSI target.",
                "Run without arguments to open the setup wizard."},
        subcommands = {ValidateCommand.class, ExportCommand.class, DemoCommand.class, DiscoverCommand.class, ScanCommand.class,
                PlanCommand.class, ApplyCommand.class, StatusCommand.class, FailoverTestCommand.class,
                CommandLine.HelpCommand.class})
public final class TandemCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the CLI and returns its exit code; user errors become messages, not stack traces. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, CommandLine.defaultFactory());
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)} with the commands made by {@code factory} (tests give status a prepared source). */
    static int execute(String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new TandemCommand(), factory).setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError user) {
                commandLine.getErr().println(user.getMessage());
                return user.exitCode();
            }
            throw e;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter w = e.getCommandLine().getErr();
            w.println(e.getMessage());
            w.println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.BAD_INPUT;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {io.tandem.build.BuildInfo.current().line()};
        }
    }
}
