package io.tandem.gui.steps;

import io.tandem.gui.form.Form;
import io.tandem.gui.wizard.ReviewStep;
import io.tandem.render.RenderedFile;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

/** Step 9: every file per host (secrets masked), export of the audit bundle, and the place of Apply. */
public final class ReviewView implements StepView {

    private final VBox root = new VBox(10);

    public ReviewView(ReviewStep step) {
        root.setPadding(new Insets(20));
        Label summary = new Label();
        summary.textProperty().bind(step.summaryProperty());
        summary.setWrapText(true);
        summary.setId("review-summary");
        ListView<RenderedFile> files = new ListView<>(step.files());
        files.setId("review-files");
        files.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RenderedFile file, boolean empty) {
                super.updateItem(file, empty);
                setText(empty || file == null ? null : file.host() + ":" + file.path());
            }
        });
        files.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> step.selectedProperty().set(now));
        TextArea content = new TextArea();
        content.setEditable(false);
        content.setFont(Font.font("Monospaced", 12));
        content.textProperty().bind(step.contentProperty());
        content.setId("review-content");
        SplitPane split = new SplitPane(files, content);
        split.setDividerPositions(0.35);
        split.setPrefHeight(380);
        VBox.setVgrow(split, Priority.ALWAYS);
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
        Button apply = new Button("Apply to the servers");
        apply.setDisable(true);
        Tooltip.install(apply, new Tooltip(ReviewStep.APPLY_LATER));
        Label applyNote = Form.note(ReviewStep.APPLY_LATER);
        root.getChildren().addAll(summary, split, new HBox(8, directory, export), status, new HBox(12, apply, applyNote));
    }

    @Override
    public Node root() {
        return root;
    }
}
