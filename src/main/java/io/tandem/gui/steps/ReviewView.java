package io.tandem.gui.steps;

import atlantafx.base.theme.Styles;
import io.tandem.gui.wizard.DiffRow;
import io.tandem.gui.wizard.PlanReview;
import io.tandem.gui.wizard.ReviewStep;
import io.tandem.plan.FileChange;
import io.tandem.render.RenderedFile;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

import java.util.List;

/**
 * Step 9: every file per host with its state against the host as discovered, the full file or its
 * changes (secrets masked on both sides), the plan Apply runs with its confirmations, export of the audit bundle, and Apply.
 */
public final class ReviewView implements StepView {

    private final VBox root = new VBox(10);

    public ReviewView(ReviewStep step, Runnable save) {
        root.setPadding(new Insets(20));
        PlanReview plan = step.plan();
        Label summary = new Label();
        summary.textProperty().bind(step.summaryProperty());
        summary.setWrapText(true);
        summary.setId("review-summary");
        ListView<RenderedFile> files = new ListView<>(step.files());
        files.setId("review-files");
        files.setCellFactory(v -> new FileCell(step));
        files.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> step.selectedProperty().set(now));
        TextArea content = new TextArea();
        content.setEditable(false);
        content.setFont(Font.font("Monospaced", 12));
        content.textProperty().bind(step.contentProperty());
        content.setId("review-content");
        SplitPane split = new SplitPane(files, fileView(step, content));
        split.setDividerPositions(0.35);
        TextField directory = new TextField();
        directory.textProperty().bindBidirectional(step.exportDirectoryProperty());
        directory.setId("export-directory");
        HBox.setHgrow(directory, Priority.ALWAYS);
        Button export = new Button("Export audit bundle");
        export.setId("export");
        export.setOnAction(e -> step.export());
        Label status = new Label();
        status.textProperty().bind(step.exportStatusProperty());
        status.setId("export-status");
        Button saveProject = new Button("Save project");
        saveProject.setId("review-save");
        saveProject.setOnAction(e -> save.run());
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox filesBox = new VBox(8, summary, split, new HBox(8, directory, export, saveProject), status);
        filesBox.setPadding(new Insets(8, 0, 0, 0));
        Tab planTab = new Tab("What Apply will do", PlanPane.of(plan));
        planTab.setId("plan-tab");
        Tab filesTab = new Tab("Files and export", filesBox);
        filesTab.setId("files-tab");
        TabPane tabs = new TabPane(planTab, filesTab);
        tabs.setId("review-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefHeight(340);
        tabs.setMinHeight(260);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.getChildren().addAll(PlanPane.overview(step), tabs, PlanPane.confirmations(plan), PlanPane.applyRow(plan, step.wizardIsDemo()));
    }

    /** The selected file: a toggle between the full rendered file and its changes against the host. */
    private static Node fileView(ReviewStep step, TextArea content) {
        ToggleGroup group = new ToggleGroup();
        ToggleButton full = new ToggleButton("Full file");
        full.setId("review-show-full");
        ToggleButton changes = new ToggleButton();
        changes.setId("review-show-changes");
        changes.textProperty().bind(step.changesTitleProperty());
        changes.disableProperty().bind(step.changesAvailableProperty().not());
        full.setToggleGroup(group);
        changes.setToggleGroup(group);
        group.selectToggle(step.showChangesProperty().get() ? changes : full);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(old);
            } else {
                step.showChangesProperty().set(now == changes);
            }
        });
        step.changesAvailableProperty().addListener((obs, old, available) -> {
            if (!available) {
                group.selectToggle(full);
            }
        });
        ListView<DiffRow> diff = new ListView<>(step.diffRows());
        diff.setId("review-diff");
        diff.getStyleClass().add("diff-rows");
        diff.setCellFactory(v -> new DiffRowCell());
        diff.setFixedCellSize(20);
        Label note = new Label();
        note.textProperty().bind(step.changesNoteProperty());
        note.setWrapText(true);
        note.setId("review-changes-note");
        note.getStyleClass().add("text-muted");
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        var showing = step.showChangesProperty().and(step.changesAvailableProperty());
        diff.visibleProperty().bind(showing);
        diff.managedProperty().bind(showing);
        content.visibleProperty().bind(showing.not());
        content.managedProperty().bind(showing.not());
        StackPane body = new StackPane(content, diff);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox box = new VBox(6, new HBox(4, full, changes), body, note);
        box.getStylesheets().add(ReviewView.class.getResource("/io/tandem/gui/review.css").toExternalForm());
        return box;
    }

    /** A file with its state against its host: new, changed (+a −b), unchanged, unknown. */
    private static final class FileCell extends ListCell<RenderedFile> {
        private static final List<String> STATES = List.of(Styles.SUCCESS, Styles.ACCENT, Styles.TEXT_MUTED, Styles.WARNING);
        private final ReviewStep step;
        private final Label name = new Label();
        private final Label state = new Label();
        private final HBox row = new HBox(8, name, state);

        FileCell(ReviewStep step) {
            this.step = step;
        }

        @Override
        protected void updateItem(RenderedFile file, boolean empty) {
            super.updateItem(file, empty);
            if (empty || file == null) {
                setGraphic(null);
                return;
            }
            FileChange change = step.change(file);
            name.setText(file.host() + ":" + file.path());
            state.setText(change.label());
            state.getStyleClass().removeAll(STATES);
            state.getStyleClass().add(switch (change.status()) {
                case NEW -> Styles.SUCCESS;
                case CHANGED -> Styles.ACCENT;
                case UNCHANGED -> Styles.TEXT_MUTED;
                case UNKNOWN -> Styles.WARNING;
            });
            Tooltip.install(state, new Tooltip(change.status() == FileChange.Status.UNKNOWN ? change.reason() : change.label()));
            setGraphic(row);
        }
    }

    @Override
    public Node root() {
        return root;
    }
}
