package io.tandem.apply;

import io.tandem.plan.Action;
import io.tandem.plan.Phase;
import io.tandem.plan.Plan;
import io.tandem.plan.Step;
import io.tandem.plan.StepFailure;
import io.tandem.ssh.SshFailure;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a plan. Before each step its check runs again on its hosts (the host may have changed since
 * the plan, or an interrupted run may have done it half or whole): a done step is skipped, never
 * run blindly twice. After its actions the check must hold, or the step failed. Consecutive
 * one-host steps of a phase run host by host side by side (each host's in order); a step on
 * several hosts runs alone. The first failure stops the run: steps already running finish, no
 * new step starts.
 */
public final class ApplyRunner {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Map<String, ? extends StepRemote> remotes;
    private final StepChecks checks;
    private final Journal journal;
    private final ApplyListener listener;
    private final String run;
    private final io.tandem.render.SecretBook secrets;
    private final AtomicReference<ApplyFailure> failure = new AtomicReference<>();
    private volatile boolean cancelled;

    /** {@code remotes}: one per host of the plan; {@code checks} tells whether a step is done. */
    ApplyRunner(Map<String, ? extends StepRemote> remotes, StepChecks checks, Journal journal, ApplyListener listener, String run,
                io.tandem.render.SecretBook secrets) {
        this.secrets = secrets;
        this.remotes = remotes;
        this.checks = checks;
        this.journal = journal;
        this.listener = listener;
        this.run = run;
    }

    public static String newRunStamp() {
        return STAMP.format(Instant.now());
    }

    /** Stops at the next step boundary (Ctrl-C, Cancel). */
    public void cancel() {
        cancelled = true;
    }

    /** Runs the plan; empty when every step is done. */
    public Optional<ApplyFailure> run(Plan plan) throws InterruptedException {
        journal.append(JournalEntry.of(run, "run-start", "", "", plan.steps().size() + " step(s)"));
        for (List<Step> wave : waves(plan.steps())) {
            if (failure.get() != null || cancelled) {
                break;
            }
            runWave(wave);
        }
        String end = failure.get() != null ? "failed" : cancelled ? "cancelled" : "done";
        journal.append(JournalEntry.of(run, "run-end", "", "", end));
        return Optional.ofNullable(failure.get());
    }

    public boolean wasCancelled() {
        return cancelled && failure.get() == null;
    }

    /** Maximal runs of one-host steps of one phase; a step on several hosts is a wave of its own. */
    static List<List<Step>> waves(List<Step> steps) {
        List<List<Step>> waves = new ArrayList<>();
        List<Step> current = new ArrayList<>();
        Phase phase = null;
        for (Step step : steps) {
            if (!step.onOneHost() || step.phase() != phase) {
                if (!current.isEmpty()) {
                    waves.add(current);
                }
                current = new ArrayList<>();
            }
            current.add(step);
            phase = step.phase();
            if (!step.onOneHost()) {
                waves.add(current);
                current = new ArrayList<>();
                phase = null;
            }
        }
        if (!current.isEmpty()) {
            waves.add(current);
        }
        return waves;
    }

    private void runWave(List<Step> wave) throws InterruptedException {
        Map<String, List<Step>> byHost = new LinkedHashMap<>();
        wave.forEach(s -> byHost.computeIfAbsent(s.hosts().getFirst(), h -> new ArrayList<>()).add(s));
        if (byHost.size() == 1) {
            byHost.values().iterator().next().forEach(this::runStepUnlessStopped);
            return;
        }
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            byHost.values().forEach(queue -> futures.add(executor.submit(() -> queue.forEach(this::runStepUnlessStopped))));
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }

    private void runStepUnlessStopped(Step step) {
        if (failure.get() != null || cancelled || Thread.currentThread().isInterrupted()) {
            return;
        }
        try {
            runStep(step);
        } catch (InterruptedException e) {
            cancelled = true;
            Thread.currentThread().interrupt();
        }
    }

    private void runStep(Step step) throws InterruptedException {
        String host = step.hosts().getFirst();
        long start = System.nanoTime();
        for (String h : step.hosts()) {
            remotes.get(h).step(step.id());
        }
        try {
            if (check(step)) {
                journal.append(JournalEntry.of(run, "step-skipped", step.hostLabel(), step.id(), "already done: " + step.check().describe()));
                listener.stepSkipped(step);
                return;
            }
            if (step.destroys().isPresent() && !remotes.get(host).confirmedDestroy(step.destroys().get())) {
                fail(step, host, "it would overwrite " + step.destroys().get() + ", which holds data, and that was not confirmed", "",
                        "nothing was written to " + step.destroys().get(),
                        "if its contents may be destroyed, run apply again with --confirm-destroy " + host + ":" + step.destroys().get());
                return;
            }
            journal.append(JournalEntry.of(run, "step-start", step.hostLabel(), step.id(), step.sentence()));
            listener.stepStarted(step);
            for (Action action : step.actions()) {
                host = action.host();
                action.task().run(remotes.get(action.host()));
            }
            checks.ran(step);
            if (!check(step)) {
                fail(step, host, "its commands ran, but afterwards it is still not true that " + step.check().describe(), "",
                        "the step's commands have run (see the journal " + journal.file() + ")",
                        "look at the host, fix what stops it, and run apply again: it starts from this step");
                return;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            journal.append(JournalEntry.of(run, "step-done", step.hostLabel(), step.id(), took.toMillis() + " ms"));
            listener.stepDone(step, took);
        } catch (StepFailure e) {
            fail(step, host, e.getMessage(), e.detail(), "the steps before this one are complete; this one is not (its check: "
                    + step.check().describe() + ")", "fix the cause above and run apply again: it checks every step and continues from here");
        } catch (SshFailure e) {
            fail(step, host, e.getMessage(), "", "unknown: the connection failed while the step ran; the step may be half done",
                    "when the host answers again, run apply again: every step is checked first, so a half-done step is finished, not repeated blindly");
        }
    }

    private boolean check(Step step) throws SshFailure {
        return checks.done(step);
    }

    private void fail(Step step, String host, String what, String detail, String state, String next) {
        ApplyFailure f = new ApplyFailure(step, host, io.tandem.text.HostText.line(secrets.hide(what)),
                io.tandem.text.HostText.lines(secrets.hide(detail)), state, next);
        if (failure.compareAndSet(null, f)) {
            journal.append(JournalEntry.of(run, "step-failed", host, step.id(), f.what() + (f.detail().isBlank() ? "" : "\n" + f.detail())));
            listener.stepFailed(step, f);
        }
    }
}
