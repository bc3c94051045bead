package io.tandem.gui.steps;

import atlantafx.base.theme.Styles;
import io.tandem.gui.wizard.DiffRow;
import io.tandem.gui.wizard.PlanReview;
import io.tandem.gui.wizard.ReviewStep;
import io.tandem.plan.Step;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Optional;

/** Review's plan: the summary on top, the steps per host with their details, the typed confirmations, and Apply. */
final class PlanPane {

    private PlanPane() {
    }

    /** The plain summary (what happens, what is erased, every warning) and the whole SUMMARY.md behind a fold. */
    static Node overview(ReviewStep step) {
        PlanReview plan = step.plan();
        Label status = new Label();
        status.setId("plan-status");
        status.getStyleClass().add(Styles.TEXT_BOLD);
        status.setWrapText(true);
        status.textProperty().bind(plan.messageProperty());
        status.setMinHeight(Region.USE_PREF_SIZE);
        Label overview = new Label();
        overview.setId("review-overview");
        overview.setWrapText(true);
        overview.textProperty().bind(plan.overviewProperty());
        overview.setMinHeight(Region.USE_PREF_SIZE);
        overview.visibleProperty().bind(plan.overviewProperty().isNotEmpty());
        overview.managedProperty().bind(overview.visibleProperty());
        TextArea full = new TextArea();
        full.setEditable(false);
        full.setWrapText(true);
        full.setPrefRowCount(12);
        full.textProperty().bind(step.fullSummaryProperty());
        TitledPane fold = new TitledPane("The whole summary (as in the audit bundle's SUMMARY.md)", full);
        fold.setExpanded(false);
        fold.setId("review-full-summary");
        return new VBox(6, status, overview, fold);
    }

    static Node of(PlanReview plan) {
        ListView<PlanReview.Line> steps = new ListView<>(plan.lines());
        steps.setId("plan-steps");
        steps.setCellFactory(v -> new LineCell());
        Label title = new Label();
        title.setWrapText(true);
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label destroys = new Label();
        destroys.setId("plan-destroys");
        destroys.setWrapText(true);
        destroys.getStyleClass().add(Styles.DANGER);
        destroys.visibleProperty().bind(destroys.textProperty().isNotEmpty());
        destroys.managedProperty().bind(destroys.visibleProperty());
        ToggleButton showCommands = new ToggleButton("Show commands");
        showCommands.setId("plan-show-commands");
        TextArea commands = new TextArea();
        commands.setId("plan-commands");
        commands.setEditable(false);
        commands.setFont(Font.font("Monospaced", 11));
        commands.visibleProperty().bind(showCommands.selectedProperty());
        commands.managedProperty().bind(commands.visibleProperty());
        ListView<DiffRow> diff = new ListView<>();
        diff.setId("plan-diff");
        diff.getStyleClass().add("diff-rows");
        diff.setCellFactory(v -> new DiffRowCell());
        diff.setFixedCellSize(20);
        diff.visibleProperty().bind(Bindings.isNotEmpty(diff.getItems()).and(showCommands.selectedProperty().not()));
        diff.managedProperty().bind(diff.visibleProperty());
        VBox.setVgrow(commands, Priority.ALWAYS);
        VBox.setVgrow(diff, Priority.ALWAYS);
        VBox details = new VBox(6, title, destroys, showCommands, commands, diff);
        details.setPadding(new Insets(0, 0, 0, 8));
        details.getStylesheets().add(PlanPane.class.getResource("/io/tandem/gui/review.css").toExternalForm());
        steps.getSelectionModel().selectedItemProperty().addListener((obs, old, line) -> {
            Optional<Step> s = line == null ? Optional.empty() : line.step();
            title.setText(s.map(st -> st.hostLabel() + ": " + st.sentence()).orElse(line == null ? "" : line.text()));
            destroys.setText(s.flatMap(Step::destroys).map(d -> "Destroys data: " + s.get().hostLabel() + "'s " + d
                    + " will be erased. Apply needs its path typed below.").orElse(""));
            commands.setText(s.map(PlanReview::commands).orElse(""));
            diff.getItems().setAll(s.map(PlanReview::diff).orElse(java.util.List.of()));
        });
        SplitPane split = new SplitPane(steps, details);
        split.setDividerPositions(0.5);
        return split;
    }

    /**
     * A host heading, or a step with a warning mark when it destroys data. The words are a Text
     * wrapped at the list's width: a long step (a package list, a file's purpose) is shown whole,
     * never cut with "…" nor running off to the right.
     */
    private static final class LineCell extends ListCell<PlanReview.Line> {
        private final javafx.scene.text.Text words = new javafx.scene.text.Text();

        LineCell() {
            listViewProperty().addListener((obs, old, list) -> {
                words.wrappingWidthProperty().unbind();
                if (list != null) {
                    words.wrappingWidthProperty().bind(list.widthProperty().subtract(64)); // less the scroll bar, padding and icon
                }
            });
        }

        @Override
        protected void updateItem(PlanReview.Line line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            boolean destroys = line.step().flatMap(Step::destroys).isPresent();
            words.setText(line.text() + line.step().flatMap(Step::destroys).map(d -> "  — ERASES " + d).orElse(""));
            words.setStyle(line.heading() ? "-fx-font-weight: bold; -fx-fill: -color-fg-default;"
                    : destroys ? "-fx-fill: -color-danger-fg;" : "-fx-fill: -color-fg-default;");
            if (line.heading() || destroys) {
                HBox row = new HBox(6, new FontIcon(line.heading() ? "mdi2s-server" : "mdi2a-alert"), words);
                row.setAlignment(Pos.TOP_LEFT);
                setGraphic(row);
            } else {
                setGraphic(words);
            }
        }
    }

    /** One row per device the plan erases: confirmed on the Disks step, or a field to type its path in. */
    static Node confirmations(PlanReview plan) {
        VBox box = new VBox(6);
        box.setId("confirmations");
        Runnable fill = () -> {
            box.getChildren().clear();
            for (PlanReview.Confirmation c : plan.confirmations()) {
                Label sentence = new Label("⚠ " + c.sentence() + ".");
                sentence.getStyleClass().add(Styles.DANGER);
                sentence.setWrapText(true);
                sentence.setMinHeight(Region.USE_PREF_SIZE);
                Node answer;
                if (c.fromDisks()) {
                    Label done = new Label("Confirmed on the Disks step (its path was typed).");
                    done.getStyleClass().add(Styles.TEXT_MUTED);
                    done.setWrapText(true);
                    done.setMinHeight(Region.USE_PREF_SIZE);
                    answer = done;
                } else {
                    TextField typed = new TextField();
                    typed.setPromptText("type " + c.device() + " to confirm");
                    typed.setId("confirm-destroy-" + c.host() + "-" + c.device().replaceAll("[^A-Za-z0-9]", "_"));
                    typed.textProperty().bindBidirectional(c.typedProperty());
                    typed.setPrefColumnCount(16);
                    answer = typed;
                }
                // A FlowPane, not an HBox: at 200 % scaling the answer wraps below the sentence instead of being cut off.
                FlowPane row = new FlowPane(10, 4, sentence, answer);
                row.setAlignment(Pos.CENTER_LEFT);
                box.getChildren().add(row);
            }
        };
        plan.confirmations().addListener((ListChangeListener<PlanReview.Confirmation>) ch -> fill.run());
        fill.run();
        return box;
    }

    static Node applyRow(PlanReview plan, boolean demo) {
        Button apply = new Button("Apply to the servers", new FontIcon("mdi2p-play"));
        apply.setId("apply");
        apply.getStyleClass().add(Styles.SUCCESS);
        apply.setMinWidth(Region.USE_PREF_SIZE);
        apply.disableProperty().bind(plan.canApplyProperty().not());
        apply.setOnAction(e -> plan.apply());
        Label blockers = new Label();
        blockers.setId("apply-blockers");
        blockers.setWrapText(true);
        blockers.textProperty().bind(plan.blockersProperty());
        blockers.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(blockers, Priority.ALWAYS);
        HBox row = new HBox(12, apply, blockers);
        row.setAlignment(Pos.CENTER_LEFT);
        if (!demo) {
            return row;
        }
        CheckBox fail = new CheckBox("Demo: let node2 miss a package on the first try (to see a failure and Retry)");
        fail.setId("demo-fail-package");
        fail.selectedProperty().bindBidirectional(plan.demoFailureProperty());
        return new VBox(8, fail, row);
    }
}
