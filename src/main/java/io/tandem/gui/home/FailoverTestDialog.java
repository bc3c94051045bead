package io.tandem.gui.home;

import atlantafx.base.theme.Styles;
import io.tandem.failover.ReportFiles;
import io.tandem.failover.Scenario;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The failover test dialog: the scenarios with what each does, "Check the cluster" (read-only),
 * the refusal or what will happen, the scenario's name to type, Start; then each step and the
 * initiator's I/O live, and at the end the verdict, each fault's line and the latency chart, with
 * the report to open. Closing it during a test leaves the test running (its report is still written).
 */
public final class FailoverTestDialog {

    private final Stage stage = new Stage();

    /** {@code open}: shows a report's page (the desktop's browser); null when there is none. */
    public FailoverTestDialog(FailoverTestViewModel model, Window owner, Consumer<Path> open) {
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Test failover - cluster " + model.project().clusterName());
        Label intro = wrap(new Label("A failover test causes a real fault on the cluster while an initiator writes and reads through the "
                + "virtual IP, and measures what the initiator felt: the longest pause, every I/O error, and whether every write it was "
                + "told is safe reads back. Tandem first checks that the cluster is healthy and in sync, and refuses otherwise."));
        ToggleGroup choice = new ToggleGroup();
        VBox scenarios = new VBox(6);
        for (Scenario s : Scenario.values()) {
            RadioButton pick = new RadioButton(s.title());
            pick.setId("failover-scenario-" + s.id());
            pick.setToggleGroup(choice);
            pick.setUserData(s);
            pick.setSelected(s == model.scenarioProperty().get());
            Label what = wrap(new Label(s.action()));
            what.getStyleClass().add(Styles.TEXT_MUTED);
            what.setPadding(new Insets(0, 0, 0, 24));
            scenarios.getChildren().addAll(pick, what);
        }
        choice.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.scenarioProperty().set((Scenario) now.getUserData());
            }
        });
        Button check = new Button("Check the cluster");
        check.setId("failover-check");
        check.setOnAction(e -> model.check());
        check.disableProperty().bind(Bindings.createBooleanBinding(() -> model.stageProperty().get() == FailoverTestViewModel.Stage.CHECKING
                || model.stageProperty().get() == FailoverTestViewModel.Stage.RUNNING, model.stageProperty()));
        Label words = wrap(new Label());
        words.setId("failover-words");
        words.textProperty().bind(model.wordsProperty());
        VBox reasons = new VBox(4);
        reasons.setId("failover-reasons");
        Runnable fillReasons = () -> {
            reasons.getChildren().clear();
            boolean refused = model.stageProperty().get() == FailoverTestViewModel.Stage.REFUSED;
            for (String r : model.reasons()) {
                Label l = wrap(new Label((refused ? "• " : "Note: ") + r));
                l.getStyleClass().add(refused ? Styles.DANGER : Styles.WARNING);
                reasons.getChildren().add(l);
            }
        };
        model.reasons().addListener((ListChangeListener<String>) c -> fillReasons.run());
        model.stageProperty().addListener((obs, old, now) -> fillReasons.run());
        TextField typed = new TextField();
        typed.setId("failover-typed");
        typed.setPromptText("type the scenario's name to start");
        typed.textProperty().bindBidirectional(model.typedProperty());
        typed.disableProperty().bind(model.stageProperty().isNotEqualTo(FailoverTestViewModel.Stage.READY));
        Button start = new Button("Start the test");
        start.setId("failover-start");
        start.getStyleClass().add(Styles.DANGER);
        start.disableProperty().bind(model.canStartProperty().not());
        start.setOnAction(e -> model.start());
        Label live = new Label();
        live.setId("failover-live");
        live.textProperty().bind(model.liveProperty());
        ListView<String> steps = new ListView<>(model.steps());
        steps.setId("failover-steps");
        steps.setPrefHeight(120);
        model.steps().addListener((ListChangeListener<String>) c -> steps.scrollTo(model.steps().size() - 1));
        Label verdict = wrap(new Label());
        verdict.setId("failover-verdict");
        verdict.textProperty().bind(model.verdictProperty());
        model.reportProperty().addListener((obs, old, now) -> {
            verdict.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            verdict.getStyleClass().add(now != null && now.passed() ? Styles.SUCCESS : Styles.DANGER);
        });
        ListView<String> results = new ListView<>(model.results());
        results.setId("failover-results");
        results.setPrefHeight(80);
        ImageView chart = new ImageView();
        chart.setId("failover-chart");
        chart.setPreserveRatio(true);
        chart.setFitWidth(880);
        Button openReport = new Button("Open the report");
        openReport.setId("failover-open-report");
        openReport.setDisable(true);
        Label where = wrap(new Label());
        where.setId("failover-report-folder");
        model.reportFolderProperty().addListener((obs, old, folder) -> {
            if (folder == null) {
                return;
            }
            Path png = folder.resolve(ReportFiles.PNG);
            if (Files.isRegularFile(png)) {
                chart.setImage(new Image(png.toUri().toString()));
            }
            where.setText("Report: " + folder + " (exported with the audit bundle)");
            openReport.setDisable(open == null);
        });
        openReport.setOnAction(e -> open.accept(model.reportFolderProperty().get().resolve(ReportFiles.HTML)));
        Button close = new Button("Close");
        close.setId("failover-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox startRow = new HBox(10, typed, start);
        HBox bottom = new HBox(10, openReport, close);
        VBox content = new VBox(10, intro, scenarios, check, words, reasons, startRow, live, steps, verdict, results, chart, where, bottom);
        content.setPadding(new Insets(16));
        content.setPrefWidth(920);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("failover-dialog");
        stage.setScene(new Scene(scroll, 940, 760));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
    }

    /** A label that wraps at its width and grows to show every line. */
    private static Label wrap(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    public void show() {
        stage.show();
    }
}
