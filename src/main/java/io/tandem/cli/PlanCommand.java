package io.tandem.cli;

import io.tandem.apply.ApplySession;
import io.tandem.model.Project;
import io.tandem.plan.Plan;
import io.tandem.ssh.SshFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Connects to every host of the project, checks each step of the setup (read-only: nothing is changed,",
                "one round trip per host) and prints the steps that are not done yet: per host, the file diffs (secrets masked),",
                "the commands, and the steps that destroy data with their device. A converged cluster plans nothing.",
                "Exit 0: the plan was made (empty or not); 1: a host could not be reached; 2: bad input, or a backing device apply would refuse."})
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterHosts cluster;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Project p = cluster.readValid(err);
        long start = System.nanoTime();
        try (ApplySession session = cluster.connect(p, err)) {
            long connected = System.nanoTime();
            Plan plan = session.plan();
            if (json) {
                out.println(PlanPrinter.json(plan));
            } else {
                PlanPrinter.print(plan, out);
            }
            err.printf("planned in %.1f s (logging in to the hosts %.1f s, checking every step %.1f s)%n", (System.nanoTime() - start) / 1e9,
                    (connected - start) / 1e9, (System.nanoTime() - connected) / 1e9);
            return plan.refusals().isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        } catch (SshFailure e) {
            err.println(e.getMessage());
            return ExitCodes.CHECK_FAILED;
        }
    }
}
