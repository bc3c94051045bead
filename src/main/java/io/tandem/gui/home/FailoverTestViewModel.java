package io.tandem.gui.home;

import io.tandem.failover.FailoverDrill;
import io.tandem.failover.FailoverReport;
import io.tandem.failover.Pause;
import io.tandem.failover.ProbeLog;
import io.tandem.failover.ReportFiles;
import io.tandem.failover.Scenario;
import io.tandem.gui.Background;
import io.tandem.model.Project;
import io.tandem.monitor.HostCommands;
import io.tandem.monitor.StatusSource;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The failover test dialog: the operator picks a scenario, Tandem checks the cluster may take it
 * (read-only) and says what it will do; the test starts only once the scenario's name is typed.
 * While it runs: each step, and the initiator's I/O as it comes (the longest pause so far); at the
 * end the verdict, each fault's line and the report's files.
 */
public final class FailoverTestViewModel {

    /** The demo's servers are simulated and quick: shorter waits than on real servers. */
    public static final FailoverDrill.Settings DEMO_SETTINGS = new FailoverDrill.Settings(100, 3, 6, 3, 120, 120, 1);

    /** Where the dialog is. */
    public enum Stage { CHOOSE, CHECKING, REFUSED, READY, RUNNING, DONE, STOPPED }

    private final Project project;
    private final StatusSource status;
    private final HostCommands hosts;
    private final Background background;
    private final Path reports;
    private final FailoverDrill.Settings settings;
    private final BiConsumer<Double, String> markers;
    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(Scenario.SWITCHOVER);
    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(Stage.CHOOSE);
    private final StringProperty words = new SimpleStringProperty("");
    private final StringProperty typed = new SimpleStringProperty("");
    private final StringProperty live = new SimpleStringProperty("");
    private final StringProperty verdict = new SimpleStringProperty("");
    private final ObservableList<String> reasons = FXCollections.observableArrayList();
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final ObservableList<String> results = FXCollections.observableArrayList();
    private final ObjectProperty<Path> reportFolder = new SimpleObjectProperty<>();
    private final ObjectProperty<FailoverReport> report = new SimpleObjectProperty<>();
    private final BooleanBinding canStart;
    private FailoverDrill.Ready ready;
    private ProbeLog.Io lastOk;
    private double longestGap;
    private long errors;

    /**
     * {@code reports}: the folder report folders go to (null: none kept); {@code markers}: where the
     * fault's and the recovery's moments go (the latency charts' time axis).
     */
    public FailoverTestViewModel(Project project, StatusSource status, HostCommands hosts, Background background, Path reports,
                                 FailoverDrill.Settings settings, BiConsumer<Double, String> markers) {
        this.project = project;
        this.status = status;
        this.hosts = hosts;
        this.background = background;
        this.reports = reports;
        this.settings = settings;
        this.markers = markers;
        scenario.addListener((obs, old, now) -> {
            if (stage.get() != Stage.RUNNING) {
                stage.set(Stage.CHOOSE);
                words.set("");
                reasons.clear();
                typed.set("");
            }
        });
        canStart = Bindings.createBooleanBinding(() -> stage.get() == Stage.READY && scenario.get() != null
                && typed.get().strip().equals(scenario.get().id()), stage, typed, scenario);
    }

    private FailoverDrill drill() {
        return new FailoverDrill(project, status, hosts, settings, FailoverDrill.Clock.SYSTEM, new FailoverDrill.Listener() {
            @Override
            public void step(String text) {
                background.later(() -> steps.add(text));
            }

            @Override
            public void ios(List<ProbeLog.Io> ios) {
                background.later(() -> follow(ios));
            }

            @Override
            public void marker(double at, String text) {
                background.later(() -> markers.accept(at, text));
            }
        });
    }

    /** Reads the cluster (nothing is changed) and says whether the scenario may run and what it will do. */
    public void check() {
        Scenario chosen = scenario.get();
        stage.set(Stage.CHECKING);
        reasons.clear();
        words.set("Reading the cluster's state (nothing is changed)…");
        background.run(() -> drill().prepare(chosen), preparation -> {
            if (preparation instanceof FailoverDrill.Refused refused) {
                reasons.setAll(refused.reasons());
                words.set("Test \"" + chosen.title() + "\" refused: the cluster is not ready for it. Nothing was done.");
                stage.set(Stage.REFUSED);
            } else {
                ready = (FailoverDrill.Ready) preparation;
                reasons.setAll(ready.notes());
                words.set(ready.words() + " To start it, type " + chosen.id() + ".");
                stage.set(Stage.READY);
            }
        }, failure -> {
            words.set("Could not read the cluster: " + failure.getMessage());
            stage.set(Stage.CHOOSE);
        });
    }

    /** Runs the checked scenario; does nothing unless its name was typed. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        FailoverDrill.Ready confirmed = ready;
        stage.set(Stage.RUNNING);
        steps.clear();
        results.clear();
        lastOk = null;
        longestGap = 0;
        errors = 0;
        background.run(() -> {
            FailoverReport r = drill().run(confirmed);
            Path folder = reports == null ? null : ReportFiles.write(reports, r);
            return new Finished(r, folder);
        }, finished -> {
            report.set(finished.report);
            reportFolder.set(finished.folder);
            results.setAll(finished.report.summaryLines());
            results.addAll(finished.report.failures());
            verdict.set(finished.report.passed() ? "Passed: no I/O error, no acknowledged write lost, the cluster healthy again."
                    : "FAILED: " + finished.report.failures().getFirst());
            stage.set(Stage.DONE);
        }, failure -> {
            verdict.set("The test stopped: " + failure.getMessage());
            stage.set(Stage.STOPPED);
        });
    }

    private record Finished(FailoverReport report, Path folder) {
    }

    /** The live line: I/O so far, errors, the longest pause so far (as the initiator felt it). */
    private void follow(List<ProbeLog.Io> ios) {
        for (ProbeLog.Io io : ios) {
            if (!io.ok()) {
                errors++;
                continue;
            }
            if (lastOk != null) {
                longestGap = Math.max(longestGap, io.end() - lastOk.end());
            }
            lastOk = io;
        }
        if (lastOk != null) {
            live.set(String.format(Locale.ROOT, "Initiator I/O: last %.1f ms; longest pause so far %.1f s; errors %d", lastOk.latencyMs(),
                    longestGap, errors));
        }
    }

    /** The pause each fault caused, for the chart's caption. */
    public String longestPause() {
        return report.get() == null ? "" : report.get().longestPause().map(Pause::seconds)
                .map(s -> String.format(Locale.ROOT, "%.1f s", s)).orElse("none");
    }

    public ObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }

    public ObjectProperty<Stage> stageProperty() {
        return stage;
    }

    public StringProperty wordsProperty() {
        return words;
    }

    public StringProperty typedProperty() {
        return typed;
    }

    public StringProperty liveProperty() {
        return live;
    }

    public StringProperty verdictProperty() {
        return verdict;
    }

    public ObservableList<String> reasons() {
        return reasons;
    }

    public ObservableList<String> steps() {
        return steps;
    }

    public ObservableList<String> results() {
        return results;
    }

    public ObjectProperty<Path> reportFolderProperty() {
        return reportFolder;
    }

    public ObjectProperty<FailoverReport> reportProperty() {
        return report;
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public Project project() {
        return project;
    }
}
