package io.tandem.gui.apply;

import atlantafx.base.theme.Styles;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The full-window apply screen: the overall progress on top; the steps with their state, host and
 * duration on the left; on the right what the running step is doing (packages, the sync chart,
 * resources starting, the network rollback countdown), the failure with Retry / Resume when one
 * stopped the run, and the live log (filter by host, copy, save).
 */
public final class ApplyView {

    private final ApplyViewModel model;
    private final BorderPane root = new BorderPane();
    private final Timeline clock;

    public ApplyView(ApplyViewModel model, Runnable openHome) {
        this.model = model;
        root.setId("apply-view");
        root.setPadding(new Insets(10, 16, 12, 16));
        root.setTop(header(openHome));
        SplitPane split = new SplitPane(steps(), right());
        split.setDividerPositions(0.5);
        root.setCenter(split);
        BorderPane.setMargin(split, new Insets(10, 0, 0, 0));
        clock = new Timeline(new KeyFrame(Duration.millis(250), e -> model.tick(System.nanoTime())));
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
        model.stateProperty().addListener((obs, old, now) -> {
            model.tick(System.nanoTime());
            if (model.isRunning()) {
                clock.play();
            } else {
                clock.stop();
            }
        });
    }

    public Node root() {
        return root;
    }

    private Node header(Runnable openHome) {
        Label state = new Label();
        state.setId("apply-state");
        state.getStyleClass().add(Styles.TITLE_3);
        state.textProperty().bind(Bindings.createStringBinding(() -> model.state().words()
                + (model.isDemo() ? " (demo: simulated servers, nothing real is changed)" : ""), model.stateProperty()));
        ProgressBar bar = new ProgressBar();
        bar.setId("apply-progress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label left = new Label();
        left.setId("apply-time-left");
        left.textProperty().bind(model.timeLeftProperty());
        left.setMinWidth(Region.USE_PREF_SIZE);
        Label counts = new Label();
        counts.textProperty().bind(model.countsProperty());
        counts.getStyleClass().add(Styles.TEXT_MUTED);
        Button cancel = new Button("Cancel", new FontIcon("mdi2s-stop-circle-outline"));
        cancel.setId("apply-cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.disableProperty().bind(model.stateProperty().isNotEqualTo(ApplyViewModel.State.RUNNING));
        cancel.setOnAction(e -> model.cancel());
        Button home = new Button("Open the cluster's home screen", new FontIcon("mdi2h-home"));
        home.setId("apply-home");
        home.setMinWidth(Region.USE_PREF_SIZE);
        home.getStyleClass().add(Styles.SUCCESS);
        home.visibleProperty().bind(model.stateProperty().isEqualTo(ApplyViewModel.State.DONE));
        home.managedProperty().bind(home.visibleProperty());
        home.setOnAction(e -> openHome.run());
        cancel.visibleProperty().bind(home.visibleProperty().not());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Label outcome = new Label();
        outcome.setId("apply-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(model.outcomeProperty());
        outcome.visibleProperty().bind(model.outcomeProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());
        outcome.setMinHeight(Region.USE_PREF_SIZE);
        HBox barRow = new HBox(10, bar, left, cancel, home);
        barRow.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, state, barRow, counts, outcome);
    }

    // ---- the steps

    private Node steps() {
        TableView<StepRow> table = new TableView<>(model.rows());
        table.setId("apply-steps");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<StepRow, StepRow.State> state = new TableColumn<>("State");
        state.setCellValueFactory(c -> c.getValue().stateProperty());
        state.setCellFactory(c -> new StateCell());
        state.setPrefWidth(150);
        state.setMinWidth(120);
        TableColumn<StepRow, String> host = new TableColumn<>("Host");
        host.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().host()));
        host.setPrefWidth(90);
        TableColumn<StepRow, String> took = new TableColumn<>("Time");
        took.setCellValueFactory(c -> c.getValue().durationProperty());
        took.setPrefWidth(64);
        TableColumn<StepRow, String> what = new TableColumn<>("Step");
        what.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().sentence()));
        what.setPrefWidth(420);
        table.getColumns().setAll(List.of(state, host, took, what));
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<StepRow> row = new javafx.scene.control.TableRow<>();
            row.itemProperty().addListener((obs, old, item) -> {
                if (item != null) {
                    javafx.scene.control.Tooltip.install(row, new javafx.scene.control.Tooltip(item.sentence()));
                }
            });
            return row;
        });
        // Follow the run: the step starting now is scrolled into view.
        Map<StepRow, javafx.beans.value.ChangeListener<StepRow.State>> followers = new HashMap<>();
        Runnable watch = () -> model.rows().forEach(r -> followers.computeIfAbsent(r, k -> {
            javafx.beans.value.ChangeListener<StepRow.State> l = (obs, old, now) -> {
                if (now == StepRow.State.RUNNING || now == StepRow.State.FAILED) {
                    table.scrollTo(Math.max(0, model.rows().indexOf(k) - 3));
                }
            };
            k.stateProperty().addListener(l);
            return l;
        }));
        model.rows().addListener((ListChangeListener<StepRow>) c -> watch.run());
        watch.run();
        return table;
    }

    private static final class StateCell extends TableCell<StepRow, StepRow.State> {
        @Override
        protected void updateItem(StepRow.State state, boolean empty) {
            super.updateItem(state, empty);
            getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.ACCENT, Styles.TEXT_MUTED);
            if (empty || state == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(state.words());
            FontIcon icon = new FontIcon(switch (state) {
                case WAITING -> "mdi2c-checkbox-blank-circle-outline";
                case RUNNING -> "mdi2p-progress-clock";
                case DONE -> "mdi2c-check-circle";
                case SKIPPED -> "mdi2c-check-circle-outline";
                case FAILED -> "mdi2a-alert-circle";
            });
            setGraphic(icon);
            getStyleClass().add(switch (state) {
                case DONE -> Styles.SUCCESS;
                case FAILED -> Styles.DANGER;
                case RUNNING -> Styles.ACCENT;
                case WAITING, SKIPPED -> Styles.TEXT_MUTED;
            });
        }
    }

    // ---- the right side: now, failure, log

    private Node right() {
        VBox now = nowPanel();
        VBox failure = failurePanel();
        Node log = logPanel();
        VBox.setVgrow(log, Priority.ALWAYS);
        VBox box = new VBox(10, failure, now, log);
        box.setPadding(new Insets(0, 0, 0, 10));
        box.setMinWidth(360);
        return box;
    }

    private VBox nowPanel() {
        Label activity = new Label();
        activity.setId("apply-activity");
        activity.textProperty().bind(model.activityProperty());
        activity.setWrapText(true);
        ProgressBar activityBar = new ProgressBar();
        activityBar.setId("apply-activity-progress");
        activityBar.progressProperty().bind(model.activityFractionProperty());
        activityBar.setMaxWidth(Double.MAX_VALUE);
        activityBar.visibleProperty().bind(model.activityFractionProperty().greaterThanOrEqualTo(0).and(model.activityProperty().isNotEmpty()));
        activityBar.managedProperty().bind(activityBar.visibleProperty());
        activity.visibleProperty().bind(model.activityProperty().isNotEmpty());
        activity.managedProperty().bind(activity.visibleProperty());

        Label network = new Label();
        network.setId("apply-network");
        network.setWrapText(true);
        network.textProperty().bind(model.networkTextProperty());
        network.setMinHeight(Region.USE_PREF_SIZE);
        Label countdown = new Label();
        countdown.setId("apply-countdown");
        countdown.getStyleClass().add(Styles.WARNING);
        countdown.textProperty().bind(Bindings.createStringBinding(() -> "Rollback in " + model.rollbackSecondsLeftProperty().get()
                + " s unless Tandem reconnects", model.rollbackSecondsLeftProperty()));
        VBox networkBox = new VBox(4, network, countdown);
        networkBox.setId("apply-network-box");
        networkBox.setStyle("-fx-border-color: #d4a72c; -fx-border-radius: 4; -fx-padding: 6;");
        networkBox.visibleProperty().bind(model.networkActiveProperty());
        networkBox.managedProperty().bind(networkBox.visibleProperty());

        NumberAxis x = new NumberAxis();
        x.setLabel("seconds");
        x.setForceZeroInRange(true);
        NumberAxis y = new NumberAxis(0, 100, 25);
        y.setLabel("% copied");
        y.setAutoRanging(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("apply-sync-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setLegendVisible(true);
        chart.setPrefHeight(170);
        chart.setMinHeight(140);
        Map<String, XYChart.Series<Number, Number>> series = new HashMap<>();
        model.syncSamples().addListener((ListChangeListener<SyncSample>) c -> {
            while (c.next()) {
                for (SyncSample s : c.getAddedSubList()) {
                    series.computeIfAbsent(s.resource(), r -> {
                        XYChart.Series<Number, Number> created = new XYChart.Series<>();
                        created.setName(r);
                        chart.getData().add(created);
                        return created;
                    }).getData().add(new XYChart.Data<>(s.seconds(), s.percent()));
                }
            }
        });
        Label sync = new Label();
        sync.setId("apply-sync");
        sync.textProperty().bind(model.syncTextProperty());
        sync.setWrapText(true);
        VBox syncBox = new VBox(2, new Label("DRBD initial sync"), chart, sync);
        syncBox.visibleProperty().bind(Bindings.isNotEmpty(model.syncSamples()).or(model.syncTextProperty().isNotEmpty()));
        syncBox.managedProperty().bind(syncBox.visibleProperty());

        Label cluster = new Label();
        cluster.setId("apply-cluster");
        cluster.setWrapText(true);
        cluster.textProperty().bind(model.clusterTextProperty());
        cluster.visibleProperty().bind(model.clusterTextProperty().isNotEmpty());
        cluster.managedProperty().bind(cluster.visibleProperty());
        cluster.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(6, activity, activityBar, networkBox, syncBox, cluster);
        box.setId("apply-now");
        return box;
    }

    private VBox failurePanel() {
        Label title = new Label();
        title.setId("apply-failure-title");
        title.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_BOLD);
        title.setWrapText(true);
        title.textProperty().bind(model.failureTitleProperty());
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label what = wrapped("apply-failure-what");
        Label state = wrapped("apply-failure-state");
        Label next = wrapped("apply-failure-next");
        TextArea detail = new TextArea();
        detail.setId("apply-failure-detail");
        detail.setEditable(false);
        detail.setFont(Font.font("Monospaced", 11));
        detail.setPrefRowCount(4);
        model.failureProperty().addListener((obs, old, f) -> {
            what.setText(f == null ? "" : "What went wrong: " + f.what());
            state.setText(f == null ? "" : "State of " + f.host() + ": " + f.state());
            next.setText(f == null ? "" : "What to do: " + f.next());
            detail.setText(f == null ? "" : f.detail());
        });
        detail.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.failureProperty().get() != null
                && !model.failureProperty().get().detail().isBlank(), model.failureProperty()));
        detail.managedProperty().bind(detail.visibleProperty());
        Button retry = new Button("Retry the step", new FontIcon("mdi2r-replay"));
        retry.setId("apply-retry");
        retry.setDefaultButton(true);
        retry.setOnAction(e -> model.retry());
        Button resume = new Button("Check the hosts again and resume", new FontIcon("mdi2p-play-circle-outline"));
        resume.setId("apply-resume");
        resume.setOnAction(e -> model.resume());
        Button save = new Button("Save the log…", new FontIcon("mdi2c-content-save-outline"));
        save.setOnAction(e -> saveLog());
        HBox buttons = new HBox(8, retry, resume, save);
        VBox box = new VBox(6, title, what, detail, state, next, buttons);
        box.setId("apply-failure");
        box.setStyle("-fx-border-color: #cf222e; -fx-border-radius: 4; -fx-padding: 8;");
        var stopped = model.stateProperty().isEqualTo(ApplyViewModel.State.FAILED).or(model.stateProperty().isEqualTo(ApplyViewModel.State.CANCELLED));
        box.visibleProperty().bind(stopped);
        box.managedProperty().bind(stopped);
        retry.textProperty().bind(Bindings.when(model.stateProperty().isEqualTo(ApplyViewModel.State.CANCELLED))
                .then("Continue").otherwise("Retry the step"));
        title.visibleProperty().bind(model.failureTitleProperty().isNotEmpty());
        title.managedProperty().bind(title.visibleProperty());
        return box;
    }

    private static Label wrapped(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private Node logPanel() {
        ChoiceBox<String> filter = new ChoiceBox<>(model.hosts());
        filter.setId("apply-log-filter");
        filter.valueProperty().bindBidirectional(model.hostFilterProperty());
        Button copy = new Button("Copy", new FontIcon("mdi2c-content-copy"));
        copy.setId("apply-copy-log");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.shownLogText());
            Clipboard.getSystemClipboard().setContent(content);
            model.logStatusProperty().set("Copied " + model.shownLog().size() + " line(s).");
        });
        Button save = new Button("Save the log…", new FontIcon("mdi2c-content-save-outline"));
        save.setId("apply-save-log");
        save.setOnAction(e -> saveLog());
        Label status = new Label();
        status.textProperty().bind(model.logStatusProperty());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        Label title = new Label("Log (secrets masked)");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer, filter, copy, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        ListView<LogLine> list = new ListView<>(model.shownLog());
        list.setId("apply-log");
        list.setFixedCellSize(18);
        list.setCellFactory(v -> new LogCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        // Follow the end while the user has not scrolled up.
        model.shownLog().addListener((ListChangeListener<LogLine>) c -> {
            if (model.isRunning() && !list.getItems().isEmpty()) {
                list.scrollTo(list.getItems().size() - 1);
            }
        });
        VBox box = new VBox(4, bar, list, status);
        box.setMinHeight(160);
        return box;
    }

    private static final class LogCell extends ListCell<LogLine> {
        LogCell() {
            setFont(Font.font("Monospaced", 11));
        }

        @Override
        protected void updateItem(LogLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED, Styles.ACCENT);
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(line.format());
            switch (line.kind()) {
                case ERROR -> getStyleClass().add(Styles.DANGER);
                case OUTPUT -> getStyleClass().add(Styles.TEXT_MUTED);
                case STEP -> getStyleClass().add(Styles.ACCENT);
                default -> { }
            }
        }
    }

    private void saveLog() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the apply log (secrets masked)");
        chooser.setInitialFileName("tandem-apply.log");
        java.io.File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            model.saveLog(file.toPath());
        }
    }
}
