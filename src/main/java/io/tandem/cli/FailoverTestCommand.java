package io.tandem.cli;

import io.tandem.apply.StateDirectory;
import io.tandem.failover.FailoverDrill;
import io.tandem.failover.FailoverReport;
import io.tandem.failover.ReportFiles;
import io.tandem.failover.Scenario;
import io.tandem.model.Project;
import io.tandem.monitor.SshStatusSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "failover-test", mixinStandardHelpOptions = true,
        description = {"Tests that the cluster is highly available: causes one fault (a planned switchover and back, a crash of the active",
                "node, a cut replication link, or one client-network NIC down) while an initiator writes and reads through the virtual IP,",
                "and measures what it felt: the longest I/O pause, every I/O error, and a read-back of every acknowledged write.",
                "Refuses when the cluster is not healthy and in sync. Asks for confirmation (type the scenario's name) unless --yes.",
                "Writes report.json, report.html and latency.png per test (exported with the audit bundle).",
                "Exit 0: the test passed; 1: it failed, was refused or cancelled; 2: bad input."})
final class FailoverTestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterHosts cluster;

    @Option(names = "--scenario", required = true, paramLabel = "NAME",
            description = "switchover, crash-active, replication-link or bond-slave.")
    String scenario;

    @Option(names = "--yes", description = "Start without asking (scripts). The cluster must still be healthy, or nothing is done.")
    boolean yes;

    @Option(names = "--json", description = "Print the report as JSON instead of the table.")
    boolean json;

    @Option(names = "--reports", paramLabel = "DIR", description = "Where report folders go (default: the project's state folder, failover-tests/).")
    Path reports;

    @Option(names = "--hold", paramLabel = "S", defaultValue = "20",
            description = "Seconds a cut link or NIC stays down (replication-link, bond-slave; default ${DEFAULT-VALUE}).")
    int hold;

    @Option(names = "--healthy-wait", paramLabel = "S", defaultValue = "900",
            description = "Seconds to wait for the cluster to be healthy again afterwards (default ${DEFAULT-VALUE}).")
    int healthyWait;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Scenario chosen = Scenario.byId(scenario).orElseThrow(() -> new UserError("--scenario " + scenario + " is not a failover test; choose one of "
                + Scenario.ids() + ".", ExitCodes.BAD_INPUT));
        if (hold < 5 || hold > 600) {
            throw new UserError("--hold must be between 5 and 600 seconds, not " + hold + ".", ExitCodes.BAD_INPUT);
        }
        if (healthyWait < 60 || healthyWait > 7200) {
            throw new UserError("--healthy-wait must be between 60 and 7200 seconds, not " + healthyWait + ".", ExitCodes.BAD_INPUT);
        }
        Project project = cluster.readChecked(err);
        Path folder = reports != null ? reports : StateDirectory.of(cluster.project, project.clusterName()).resolve("failover-tests");
        FailoverDrill.Settings d = FailoverDrill.Settings.DEFAULT;
        FailoverDrill.Settings settings = new FailoverDrill.Settings(d.intervalMs(), d.baselineSeconds(), hold, d.afterSeconds(), d.recoverySeconds(),
                healthyWait, d.pollSeconds());
        try (SshStatusSource hosts = new SshStatusSource(cluster.settings(project, err), Duration.ofSeconds(2))) {
            FailoverDrill drill = new FailoverDrill(project, hosts, hosts, settings, FailoverDrill.Clock.SYSTEM, step(err));
            err.println("Reading the cluster's state (nothing is changed yet)...");
            err.flush();
            FailoverDrill.Preparation preparation = drill.prepare(chosen);
            if (preparation instanceof FailoverDrill.Refused refused) {
                err.println("Test \"" + chosen.title() + "\" refused: the cluster is not ready for it. Nothing was done.");
                refused.reasons().forEach(r -> err.println("  - " + r));
                return ExitCodes.CHECK_FAILED;
            }
            FailoverDrill.Ready ready = (FailoverDrill.Ready) preparation;
            err.println(ready.words());
            ready.notes().forEach(n -> err.println("Note: " + n));
            if (!yes && !confirmed(chosen, err)) {
                err.println("Cancelled. Nothing was done.");
                return ExitCodes.CHECK_FAILED;
            }
            FailoverReport report;
            try {
                report = drill.run(ready);
            } catch (FailoverDrill.DrillFailure e) {
                throw new UserError(e.getMessage(), ExitCodes.CHECK_FAILED);
            }
            Path dir = write(folder, report, err);
            if (json) {
                out.print(ReportFiles.json(report));
            } else {
                report.summaryLines().forEach(out::println);
                report.failures().forEach(f -> out.println("FAILED: " + f));
                if (dir != null) {
                    out.println("Report: " + dir.resolve(ReportFiles.HTML));
                }
            }
            return report.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }

    private static FailoverDrill.Listener step(PrintWriter err) {
        return words -> {
            err.println("... " + words);
            err.flush();
        };
    }

    /** The scenario's name typed back: a stray Enter or "y" does not start a fault. */
    private static boolean confirmed(Scenario scenario, PrintWriter err) throws IOException {
        err.print("Type " + scenario.id() + " to start the test (anything else cancels): ");
        err.flush();
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line != null && line.strip().equals(scenario.id());
    }

    private static Path write(Path folder, FailoverReport report, PrintWriter err) {
        try {
            return ReportFiles.write(folder, report);
        } catch (IOException e) {
            err.println("Could not write the report under " + folder + ": " + e.getMessage() + ". The result is printed below.");
            return null;
        }
    }
}
