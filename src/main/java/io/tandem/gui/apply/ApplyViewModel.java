package io.tandem.gui.apply;

import io.tandem.apply.ApplyFailure;
import io.tandem.apply.ApplyListener;
import io.tandem.apply.ApplyRunner;
import io.tandem.apply.ApplySession;
import io.tandem.apply.Journal;
import io.tandem.gui.Background;
import io.tandem.plan.Phase;
import io.tandem.plan.Plan;
import io.tandem.plan.Planner;
import io.tandem.plan.Step;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The apply screen's state: every step with its state, host and duration, the overall progress
 * and time left, the live log (secrets masked by the engine, filterable by host), the progress of
 * long steps (packages, the DRBD sync as samples for a chart, resources starting, the network
 * change's rollback countdown), and on failure what failed, where, in what state and what to do.
 *
 * <p>The apply runs only through {@link ApplySession#apply}. The engine reports from its worker
 * threads into a queue; the queue is drained on the UI thread in batches, so thousands of log
 * lines cost a few list updates, and the UI thread never waits for a host.
 */
public final class ApplyViewModel {

    public enum State {
        RUNNING("Applying"), CANCELLING("Stopping after the step that is running…"), FAILED("Stopped: a step failed"),
        CANCELLED("Stopped"), DONE("Done");

        private final String words;

        State(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public static final String ALL_HOSTS = "All hosts";
    /** The log keeps this many lines on screen (the journal keeps every command). */
    static final int LOG_LIMIT = 50_000;
    private static final int BATCH = 2_000;
    /** How long one drain may hold the UI thread before it lets a pulse through and continues. */
    private static final long DRAIN_NANOS = 6_000_000;
    private static final Pattern PACKAGES = Pattern.compile("^packages (\\d+)/(\\d+): (\\S+)");
    private static final Pattern SYNC = Pattern.compile("SyncSource ([\\d.]+) %, ([\\d.]+) MiB/s, (\\d+):(\\d+) left");

    private final ApplySession session;
    private final Plan plan;
    private final Set<String> confirmed;
    private final Journal journal;
    private final Background background;
    private final ObservableList<StepRow> rows = FXCollections.observableArrayList();
    private final Map<String, StepRow> byId = new HashMap<>();
    private final ObservableList<LogLine> log = FXCollections.observableArrayList();
    private final FilteredList<LogLine> shownLog = new FilteredList<>(log, l -> true);
    private final StringProperty hostFilter = new SimpleStringProperty(ALL_HOSTS);
    private final ObservableList<String> hosts = FXCollections.observableArrayList(ALL_HOSTS);
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.RUNNING);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty timeLeft = new SimpleStringProperty("Estimating the time left…");
    private final StringProperty counts = new SimpleStringProperty("");
    private final StringProperty activity = new SimpleStringProperty("");
    private final DoubleProperty activityFraction = new SimpleDoubleProperty(-1);
    private final ObservableList<SyncSample> syncSamples = FXCollections.observableArrayList();
    private final StringProperty syncText = new SimpleStringProperty("");
    private final StringProperty clusterText = new SimpleStringProperty("");
    private final BooleanProperty networkActive = new SimpleBooleanProperty(false);
    private final IntegerProperty rollbackSecondsLeft = new SimpleIntegerProperty(0);
    private final StringProperty networkText = new SimpleStringProperty("");
    private final ObjectProperty<ApplyFailure> failure = new SimpleObjectProperty<>();
    private final StringProperty failureTitle = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    private final StringProperty logStatus = new SimpleStringProperty("");
    private final ConcurrentLinkedQueue<Runnable> events = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final ApplyRunner[] handle = new ApplyRunner[1];
    private volatile boolean cancelRequested;
    private long startedNanos;
    private long networkStartedNanos;
    private long syncStartedNanos;
    private Runnable onDone = () -> { };

    public ApplyViewModel(ApplySession session, Plan plan, Set<String> confirmed, Journal journal, Background background) {
        this.session = session;
        this.plan = plan;
        this.confirmed = Set.copyOf(confirmed);
        this.journal = journal;
        this.background = background;
        plan.steps().forEach(this::addRow);
        hostFilter.addListener((obs, old, host) -> shownLog.setPredicate(ALL_HOSTS.equals(host) || host == null ? l -> true : l -> l.host().equals(host)));
    }

    private StepRow addRow(Step step) {
        StepRow row = new StepRow(step);
        rows.add(row);
        byId.put(step.id(), row);
        step.hosts().stream().filter(h -> !hosts.contains(h)).forEach(hosts::add);
        return row;
    }

    /** Called when the run completed without failure (the window then shows the cluster's home screen). */
    public void onDone(Runnable then) {
        this.onDone = then;
    }

    public boolean isDemo() {
        return session.isSimulated();
    }

    // ---- running

    public void start() {
        startedNanos = System.nanoTime();
        line("", LogLine.Kind.STEP, (isDemo() ? "Applying to the demo's simulated servers" : "Applying")
                + " (journal: " + journal.file() + "): " + plan.steps().size() + " step(s)");
        run(plan.steps());
    }

    private void run(List<Step> steps) {
        state.set(State.RUNNING);
        cancelRequested = false;
        failure.set(null);
        failureTitle.set("");
        outcome.set("");
        Plan part = new Plan(steps, plan.notes(), plan.roundTrips(), plan.refusals());
        background.run(() -> session.apply(part, confirmed, journal, new Listener(), handle), this::finished, this::crashed);
    }

    /** Stops at the next safe point: the steps running now finish, no new one starts. */
    public void cancel() {
        if (state.get() != State.RUNNING) {
            return;
        }
        cancelRequested = true;
        ApplyRunner runner = handle[0];
        if (runner != null) {
            runner.cancel();
        }
        state.set(State.CANCELLING);
    }

    /** Runs the failed step again, then the rest (the user fixed what stopped it, or it was passing). */
    public void retry() {
        if (state.get() != State.FAILED && state.get() != State.CANCELLED) {
            return;
        }
        List<Step> left = rows.stream().filter(r -> !r.state().finished()).map(StepRow::step).toList();
        rows.stream().filter(r -> r.state() == StepRow.State.FAILED).forEach(r -> r.stateProperty().set(StepRow.State.WAITING));
        line("", LogLine.Kind.STEP, "Retrying from \"" + (left.isEmpty() ? "" : left.getFirst().sentence()) + "\"");
        run(left);
    }

    /** Plans again from the hosts (after the user changed something there) and runs what is still not done. */
    public void resume() {
        if (state.get() != State.FAILED && state.get() != State.CANCELLED) {
            return;
        }
        state.set(State.RUNNING);
        line("", LogLine.Kind.STEP, "Checking every step on the hosts again…");
        background.run(session::plan, fresh -> {
            Set<String> ids = fresh.steps().stream().map(Step::id).collect(Collectors.toSet());
            for (StepRow row : rows) {
                if (!row.state().finished() && !ids.contains(row.id())) {
                    row.stateProperty().set(StepRow.State.SKIPPED);
                } else if (ids.contains(row.id())) {
                    row.stateProperty().set(StepRow.State.WAITING);
                }
            }
            fresh.steps().stream().filter(s -> !byId.containsKey(s.id())).forEach(this::addRow);
            run(fresh.steps());
        }, this::crashed);
    }

    private void finished(Optional<ApplyFailure> result) {
        drain();
        tick(System.nanoTime());
        networkActive.set(false);
        if (result.isPresent()) {
            ApplyFailure f = result.get();
            failure.set(f);
            failureTitle.set("\"" + f.step().sentence() + "\" failed on " + f.host());
            state.set(State.FAILED);
            line(f.host(), LogLine.Kind.ERROR, "FAILED: " + f.what());
            return;
        }
        long done = rows.stream().filter(r -> r.state() == StepRow.State.DONE).count();
        long skipped = rows.stream().filter(r -> r.state() == StepRow.State.SKIPPED).count();
        List<StepRow> notRun = rows.stream().filter(r -> !r.state().finished()).toList();
        if (cancelRequested || !notRun.isEmpty()) {
            state.set(State.CANCELLED);
            outcome.set("Stopped at a safe point (between steps). Done: " + done + " step(s)" + (skipped > 0 ? ", " + skipped
                    + " already done before" : "") + ". Not run: " + notRun.size() + (notRun.isEmpty() ? "" : ", starting with \""
                    + notRun.getFirst().sentence() + "\" on " + notRun.getFirst().host()) + ". The servers keep what was done; "
                    + "Resume continues from there.");
            line("", LogLine.Kind.STEP, outcome.get());
            return;
        }
        state.set(State.DONE);
        progress.set(1);
        timeLeft.set("");
        outcome.set("Done in " + words(Duration.ofNanos(System.nanoTime() - startedNanos)) + ": " + done + " step(s) ran"
                + (skipped > 0 ? ", " + skipped + " were already done" : "") + ". The servers now match this project.");
        line("", LogLine.Kind.STEP, outcome.get());
        onDone.run();
    }

    /** Not a step's failure: the engine itself could not go on (the journal could not be written, a bug). */
    private void crashed(Throwable e) {
        drain();
        state.set(State.FAILED);
        failureTitle.set("The apply could not go on");
        outcome.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        line("", LogLine.Kind.ERROR, "Stopped: " + outcome.get());
    }

    // ---- what the engine reports (worker threads) → the UI thread in batches

    private void post(Runnable event) {
        events.add(event);
        if (drainScheduled.compareAndSet(false, true)) {
            background.later(this::drainBatch);
        }
    }

    private void drainBatch() {
        drainScheduled.set(false);
        apply(BATCH, System.nanoTime() + DRAIN_NANOS);
        if (!events.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            background.later(this::drainBatch);
        }
    }

    private void drain() {
        apply(Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    private final List<LogLine> pendingLines = new ArrayList<>();

    private boolean draining;

    private void apply(int limit, long deadline) {
        draining = true;
        try {
            for (int i = 0; i < limit && (i % 64 != 63 || System.nanoTime() < deadline); i++) {
                Runnable event = events.poll();
                if (event == null) {
                    break;
                }
                event.run();
            }
        } finally {
            draining = false;
        }
        flushLines();
    }

    private void line(String host, LogLine.Kind kind, String text) {
        pendingLines.add(new LogLine(LocalTime.now(), host, kind, text));
        if (!draining || pendingLines.size() >= BATCH) {
            flushLines();
        }
    }

    private void flushLines() {
        if (pendingLines.isEmpty()) {
            return;
        }
        log.addAll(pendingLines);
        pendingLines.clear();
        if (log.size() > LOG_LIMIT) {
            log.remove(0, log.size() - LOG_LIMIT);
        }
    }

    private final class Listener implements ApplyListener {
        @Override
        public void stepStarted(Step step) {
            long now = System.nanoTime();
            if (cancelRequested && handle[0] != null) {
                handle[0].cancel();
            }
            post(() -> started(step, now));
        }

        @Override
        public void stepSkipped(Step step) {
            post(() -> {
                row(step).stateProperty().set(StepRow.State.SKIPPED);
                line(step.hostLabel(), LogLine.Kind.STEP, "already done: " + step.sentence());
            });
        }

        @Override
        public void stepDone(Step step, Duration took) {
            post(() -> {
                StepRow row = row(step);
                row.stateProperty().set(StepRow.State.DONE);
                row.durationProperty().set(seconds(took));
                line(step.hostLabel(), LogLine.Kind.STEP, "done (" + seconds(took) + "): " + step.sentence());
                if (step.phase() == Phase.NETWORK) {
                    networkActive.set(rows.stream().anyMatch(r -> r.step().phase() == Phase.NETWORK && r.state() == StepRow.State.RUNNING));
                }
                if (activeRows().isEmpty()) {
                    activity.set("");
                    activityFraction.set(-1);
                }
            });
        }

        @Override
        public void stepFailed(Step step, ApplyFailure f) {
            post(() -> {
                StepRow row = row(step);
                row.stateProperty().set(StepRow.State.FAILED);
                row.durationProperty().set(seconds(Duration.ofNanos(System.nanoTime() - row.startedNanos)));
            });
        }

        @Override
        public void progress(String host, String step, String message) {
            long now = System.nanoTime();
            post(() -> progressed(host, step, message, now));
        }

        @Override
        public void command(String host, String step, String shown, Integer exit) {
            String first = shown.lines().findFirst().orElse("");
            long more = shown.lines().count() - 1;
            post(() -> line(host, LogLine.Kind.COMMAND, "$ " + first + (more > 0 ? " … (+" + more + " lines)" : "")
                    + (exit == null ? " → no result" : exit == 0 ? "" : " → exit " + exit)));
        }

        @Override
        public void output(String host, String step, String text) {
            post(() -> line(host, LogLine.Kind.OUTPUT, "  " + text));
        }
    }

    private StepRow row(Step step) {
        StepRow row = byId.get(step.id());
        return row != null ? row : addRow(step);
    }

    private List<StepRow> activeRows() {
        return rows.stream().filter(r -> r.state() == StepRow.State.RUNNING).toList();
    }

    private void started(Step step, long now) {
        StepRow row = row(step);
        row.startedNanos = now;
        row.stateProperty().set(StepRow.State.RUNNING);
        row.noteProperty().set("");
        line(step.hostLabel(), LogLine.Kind.STEP, "▶ " + step.sentence());
        if (step.phase() == Phase.NETWORK) {
            networkStartedNanos = now;
            networkActive.set(true);
            rollbackSecondsLeft.set((int) Planner.NETWORK_WINDOW.toSeconds());
            networkText.set("Changing the network of " + step.hostLabel() + ". The node has armed its own rollback: if Tandem cannot "
                    + "reach it over the new settings within " + Planner.NETWORK_WINDOW.toSeconds() + " s, it puts its old network "
                    + "back by itself, so a mistake cannot lock you out.");
        }
        if (step.id().startsWith("drbd-sync:")) {
            syncStartedNanos = now;
            syncText.set(step.id().substring(10) + ": connecting…");
        }
        if (step.phase() == Phase.CLUSTER || step.phase() == Phase.RESOURCES) {
            clusterText.set(step.sentence());
        }
    }

    private void progressed(String host, String stepId, String message, long now) {
        StepRow row = byId.get(stepId);
        if (row != null) {
            row.noteProperty().set(message);
        }
        line(host, LogLine.Kind.PROGRESS, message);
        Matcher packages = PACKAGES.matcher(message);
        Matcher sync = SYNC.matcher(message);
        if (packages.find()) {
            int done = Integer.parseInt(packages.group(1));
            int total = Integer.parseInt(packages.group(2));
            activity.set(host + ": installing packages, " + done + " of " + total + " (" + packages.group(3) + ")");
            activityFraction.set(total == 0 ? -1 : done / (double) total);
        } else if (sync.find() && stepId.startsWith("drbd-sync:")) {
            String resource = stepId.substring(10);
            double percent = Double.parseDouble(sync.group(1));
            double rate = Double.parseDouble(sync.group(2));
            syncSamples.add(new SyncSample(resource, (now - syncStartedNanos) / 1e9, percent, rate));
            syncText.set(resource + ": " + String.format("%.1f", percent) + " % copied to the second node, " + String.format("%.1f", rate)
                    + " MiB/s, " + sync.group(3) + ":" + sync.group(4) + " left");
            activity.set("Initial sync of " + resource + " (every block is copied once)");
            activityFraction.set(percent / 100);
        } else if (message.startsWith("network: ")) {
            networkText.set(networkText.get().replaceAll(" Now: .*$", "") + " Now: " + message.substring(9) + ".");
            if (message.startsWith("network: committed")) {
                networkActive.set(false);
            }
        } else if (message.startsWith("running: ") || stepId.equals("resources-running")) {
            clusterText.set("Resources: " + message.replaceFirst("^running: ", ""));
        } else if (stepId.equals("cluster-members")) {
            clusterText.set("Cluster members: " + message);
        }
    }

    /** Brings the clocks up to date: durations of running steps, progress, time left, the rollback countdown. */
    public void tick(long now) {
        if (startedNanos == 0) {
            return;
        }
        double total = 0;
        double finished = 0;
        for (StepRow row : rows) {
            double w = weight(row.step());
            total += w;
            if (row.state().finished()) {
                finished += w;
            } else if (row.state() == StepRow.State.RUNNING) {
                row.durationProperty().set(seconds(Duration.ofNanos(now - row.startedNanos)));
                finished += w * partial(row);
            }
        }
        double p = total == 0 ? 1 : finished / total;
        if (state.get() == State.RUNNING || state.get() == State.CANCELLING) {
            progress.set(p);
            double elapsed = (now - startedNanos) / 1e9;
            timeLeft.set(p < 0.03 || elapsed < 3 ? "Estimating the time left…"
                    : "About " + words(Duration.ofSeconds(Math.round(elapsed * (1 - p) / p))) + " left");
        } else if (state.get() != State.DONE) {
            timeLeft.set("");
        }
        long done = rows.stream().filter(r -> r.state().finished()).count();
        counts.set(done + " of " + rows.size() + " steps finished, " + words(Duration.ofNanos(now - startedNanos)) + " so far");
        if (networkActive.get()) {
            rollbackSecondsLeft.set((int) Math.max(0, Planner.NETWORK_WINDOW.toSeconds() - (now - networkStartedNanos) / 1_000_000_000L));
        }
    }

    /** How much of the run a step is, roughly, from how long such steps took in the VM lab. */
    static double weight(Step step) {
        if (step.id().startsWith("drbd-sync:")) {
            return 15;
        }
        return switch (step.phase()) {
            case PACKAGES -> 20;
            case NETWORK -> 4;
            case CLUSTER, RESOURCES -> 3;
            case DISKS, INITIATORS -> 2;
            case SERVICES, REPLICATION -> 1;
            case FILES -> 0.5;
        };
    }

    private double partial(StepRow row) {
        String note = row.noteProperty().get();
        Matcher packages = PACKAGES.matcher(note);
        if (packages.find()) {
            return Integer.parseInt(packages.group(1)) / (double) Math.max(1, Integer.parseInt(packages.group(2)));
        }
        Matcher sync = SYNC.matcher(note);
        return sync.find() ? Double.parseDouble(sync.group(1)) / 100 : 0.3;
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    static String words(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + " s" : s / 60 + " min " + (s % 60 > 0 ? s % 60 + " s" : "");
    }

    // ---- the log

    /** The shown log (the host filter applied) as text, for the clipboard. */
    public String shownLogText() {
        return shownLog.stream().map(LogLine::format).collect(Collectors.joining("\n", "", "\n"));
    }

    /** Saves the whole log (secrets masked, as shown) in the background. */
    public void saveLog(Path file) {
        String text = log.stream().map(LogLine::format).collect(Collectors.joining("\n", "", "\n"));
        logStatus.set("Saving the log…");
        background.run(() -> {
            io.tandem.files.AtomicFile.write(file, text, io.tandem.files.AtomicFile.OWNER_ONLY);
            return file;
        }, saved -> logStatus.set("Log saved to " + saved + " (secrets masked). The full journal is " + journal.file() + "."),
                e -> logStatus.set("Cannot save the log to " + file + ": " + e.getMessage() + ". Choose a folder you can write to."));
    }

    // ---- accessors

    public ObservableList<StepRow> rows() {
        return rows;
    }

    public Optional<StepRow> row(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public ObservableList<LogLine> log() {
        return log;
    }

    public ObservableList<LogLine> shownLog() {
        return shownLog;
    }

    public StringProperty hostFilterProperty() {
        return hostFilter;
    }

    public ObservableList<String> hosts() {
        return hosts;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    public boolean isRunning() {
        return state.get() == State.RUNNING || state.get() == State.CANCELLING;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty timeLeftProperty() {
        return timeLeft;
    }

    public StringProperty countsProperty() {
        return counts;
    }

    public StringProperty activityProperty() {
        return activity;
    }

    public DoubleProperty activityFractionProperty() {
        return activityFraction;
    }

    public ObservableList<SyncSample> syncSamples() {
        return syncSamples;
    }

    public StringProperty syncTextProperty() {
        return syncText;
    }

    public StringProperty clusterTextProperty() {
        return clusterText;
    }

    public BooleanProperty networkActiveProperty() {
        return networkActive;
    }

    public IntegerProperty rollbackSecondsLeftProperty() {
        return rollbackSecondsLeft;
    }

    public StringProperty networkTextProperty() {
        return networkText;
    }

    public ObjectProperty<ApplyFailure> failureProperty() {
        return failure;
    }

    public StringProperty failureTitleProperty() {
        return failureTitle;
    }

    /** What the run came to, in words (done, or where it stopped). */
    public StringProperty outcomeProperty() {
        return outcome;
    }

    public StringProperty logStatusProperty() {
        return logStatus;
    }

    /** For tests: the listener the engine reports to, as if a run were streaming. */
    public ApplyListener listenerForTests() {
        return new Listener();
    }
}
