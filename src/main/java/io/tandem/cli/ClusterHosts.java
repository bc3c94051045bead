package io.tandem.cli;

import io.tandem.apply.ApplySession;
import io.tandem.model.Initiator;
import io.tandem.model.Node;
import io.tandem.model.Problem;
import io.tandem.model.Project;
import io.tandem.model.Ssh;
import io.tandem.plan.Planner;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.SshFailure;
import io.tandem.ssh.SshTarget;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The project and the login of plan, apply and status: reads, validates and connects to its hosts, with one set of messages. */
final class ClusterHosts {

    @picocli.CommandLine.Option(names = "--project", required = true, paramLabel = "FILE", description = "The project file (*.tandem.json).")
    Path project;

    @picocli.CommandLine.Mixin
    LoginOptions login;

    Project readValid(PrintWriter err) {
        Project project = readChecked(err);
        Path file = this.project;
        List<String> unsupported = Planner.unsupported(project);
        if (!unsupported.isEmpty()) {
            unsupported.forEach(r -> err.println("Cannot apply " + file + ": " + r + "."));
            throw new UserError(unsupported.size() + " thing(s) apply cannot do yet", ExitCodes.BAD_INPUT);
        }
        return project;
    }

    /** The project read and validated, for commands that only read the hosts (status): what apply cannot do yet does not matter. */
    Project readChecked(PrintWriter err) {
        Path file = project;
        Project project = ProjectLoader.read(file, err);
        if (project.simulated()) {
            throw new UserError(file + " is the demo cluster (\"demo\": true): its servers are simulated, so Tandem does not connect "
                    + "to its addresses. To use it with real servers, put in their addresses and remove \"demo\": true.", ExitCodes.BAD_INPUT);
        }
        List<Problem> problems = ProjectLoader.validate(project);
        if (problems.stream().anyMatch(Problem::isError)) {
            err.println("The project " + file + " has errors; fix them first (tandem validate --project " + file + "):");
            problems.stream().filter(Problem::isError).forEach(p -> err.println("  " + p.describe()));
            throw new UserError(ProjectLoader.counts(problems), ExitCodes.BAD_INPUT);
        }
        return project;
    }

    /** How to log in to every node and managed client; passwords are asked once. */
    Map<String, ConnectionSettings> settings(Project project, PrintWriter err) {
        Map<String, ConnectionSettings> settings = new LinkedHashMap<>();
        for (Node node : project.nodes()) {
            settings.put(node.name(), login.settings(target(node.name(), node.ssh()), err));
        }
        for (Initiator client : project.managedInitiators()) {
            settings.put(client.name(), login.settings(target(client.name(), client.ssh()), err));
        }
        return settings;
    }

    ApplySession connect(Project project, PrintWriter err) throws InterruptedException {
        Map<String, ConnectionSettings> settings = settings(project, err);
        try {
            return ApplySession.open(project, settings);
        } catch (SshFailure e) {
            throw new UserError(e.getMessage(), ExitCodes.CHECK_FAILED);
        }
    }

    private static SshTarget target(String name, Ssh ssh) {
        if (ssh == null) {
            throw new UserError(name + " has no \"ssh\" settings in the project: give its address and user.", ExitCodes.BAD_INPUT);
        }
        return new SshTarget(ssh.address(), ssh.port() == null ? 22 : ssh.port(), ssh.user());
    }
}
