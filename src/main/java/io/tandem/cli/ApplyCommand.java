package io.tandem.cli;

import io.tandem.apply.ApplyFailure;
import io.tandem.apply.ApplyListener;
import io.tandem.apply.ApplyRunner;
import io.tandem.apply.ApplySession;
import io.tandem.apply.Journal;
import io.tandem.apply.StateDirectory;
import io.tandem.model.Project;
import io.tandem.plan.Plan;
import io.tandem.plan.Step;
import io.tandem.ssh.SshFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Makes the project's cluster real: plans as 'tandem plan' does, shows the plan, and runs it step by step,",
                "checking each step again right before it (a step already done is skipped). Every command is journaled",
                "(secrets masked) in the project's state directory; an interrupted apply resumes on the next run.",
                "A step that overwrites a device holding data runs only with --confirm-destroy HOST:DEVICE.",
                "Exit 0: the cluster is as the project says; 1: a step failed (the message says which and what to do); 2: bad input."})
final class ApplyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterHosts cluster;

    @Option(names = "--confirm-destroy", paramLabel = "HOST:DEVICE", description = "Allow overwriting this device, which holds data (repeatable).")
    List<String> confirmDestroy = List.of();

    @Option(names = "--yes", description = "Do not ask before running the plan (for scripts).")
    boolean yes;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where the journal is kept (default ~/.local/state/tandem/<cluster>-<hash>).")
    Path stateDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Project p = cluster.readValid(err);
        Set<String> confirmed = new HashSet<>();
        for (String c : confirmDestroy) {
            if (!c.matches("[A-Za-z0-9][A-Za-z0-9.-]*:/dev/[A-Za-z0-9/._:-]+")) {
                throw new UserError("--confirm-destroy " + c + ": give HOST:DEVICE, e.g. node1:/dev/vdb", ExitCodes.BAD_INPUT);
            }
            confirmed.add(c);
        }
        Journal journal = new Journal((stateDir != null ? stateDir : StateDirectory.of(cluster.project, p.clusterName())).resolve("journal.jsonl"));
        journal.lastInterrupted().ifPresent(i -> out.println(i.describe() + " Resuming: every step is checked again, so what it did is not redone."));
        try (ApplySession session = cluster.connect(p, err)) {
            Plan plan = session.plan();
            if (!plan.refusals().isEmpty()) {
                plan.refusals().forEach(r -> err.println("Cannot apply: " + r + "."));
                err.println("Nothing was done.");
                return ExitCodes.BAD_INPUT;
            }
            if (plan.isEmpty()) {
                out.println("Nothing to do: the cluster is already as the project says.");
                return ExitCodes.OK;
            }
            PlanPrinter.print(plan, out);
            List<String> missing = plan.destroyedDevices().stream().filter(d -> !confirmed.contains(d)).toList();
            if (!missing.isEmpty()) {
                err.println("This plan overwrites " + String.join(", ", missing) + ", which hold data. Nothing was done. If they may be "
                        + "destroyed, run again with " + String.join(" ", missing.stream().map(d -> "--confirm-destroy " + d).toList()) + ".");
                return ExitCodes.BAD_INPUT;
            }
            if (!yes && !askToGoOn(out)) {
                out.println("Nothing was done.");
                return ExitCodes.OK;
            }
            out.println();
            out.println("Applying (journal: " + journal.file() + ")");
            ApplyRunner[] handle = new ApplyRunner[1];
            Thread hook = new Thread(() -> {
                if (handle[0] != null) {
                    handle[0].cancel();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            long start = System.nanoTime();
            Printer printer = new Printer(out, new java.util.EnumMap<>(io.tandem.plan.Phase.class));
            Optional<ApplyFailure> failure = session.apply(plan, confirmed, journal, printer, handle);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook already ran.
            }
            if (failure.isPresent()) {
                err.print(failure.get().describe());
                return ExitCodes.CHECK_FAILED;
            }
            out.printf("Done in %.0f s. Run 'tandem plan' to see that nothing is left to do.%n", (System.nanoTime() - start) / 1e9);
            out.println("Time per phase: " + printer.phaseTimes());
            return ExitCodes.OK;
        } catch (SshFailure e) {
            err.println(e.getMessage());
            return ExitCodes.CHECK_FAILED;
        }
    }

    private static boolean askToGoOn(PrintWriter out) {
        Console console = System.console();
        if (console == null) {
            throw new UserError("No terminal to confirm on: run with --yes to apply without asking.", ExitCodes.BAD_INPUT);
        }
        out.flush();
        String answer = console.readLine("%nApply this plan? [yes/no] ");
        return answer != null && answer.strip().equalsIgnoreCase("yes");
    }

    /** Prints each step as it starts, finishes or is found done, and progress of long ones. */
    private record Printer(PrintWriter out, java.util.Map<io.tandem.plan.Phase, long[]> phases) implements ApplyListener {
        @Override
        public void stepStarted(Step step) {
            synchronized (phases) {
                phases.computeIfAbsent(step.phase(), p -> new long[] {System.nanoTime(), System.nanoTime()});
            }
            line("[" + step.hostLabel() + "] " + step.sentence());
        }

        /** Wall time from each phase's first step starting to its last step ending: "Packages 402 s, …". */
        String phaseTimes() {
            synchronized (phases) {
                return String.join(", ", phases.entrySet().stream()
                        .map(e -> String.format("%s %.0f s", e.getKey().title(), (e.getValue()[1] - e.getValue()[0]) / 1e9)).toList());
            }
        }

        @Override
        public void stepSkipped(Step step) {
            line("[" + step.hostLabel() + "] already done: " + step.check().describe());
        }

        @Override
        public void stepDone(Step step, Duration took) {
            synchronized (phases) {
                long[] span = phases.get(step.phase());
                if (span != null) {
                    span[1] = System.nanoTime();
                }
            }
            line(String.format("[%s] done (%.1f s)", step.hostLabel(), took.toMillis() / 1000.0));
        }

        @Override
        public void progress(String host, String step, String message) {
            line("[" + host + "]   " + message);
        }

        private synchronized void line(String text) {
            out.println(text);
            out.flush();
        }
    }
}
