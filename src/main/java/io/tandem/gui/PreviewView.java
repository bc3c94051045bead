package io.tandem.gui;

import io.tandem.render.RenderedFile;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Font;

/** Lists the generated files on the left and shows the selected one on the right. Binds only. */
public final class PreviewView {

    private final BorderPane root = new BorderPane();

    public PreviewView(PreviewViewModel model) {
        Label summary = new Label();
        summary.textProperty().bind(model.summaryProperty());
        summary.setPadding(new Insets(10));
        summary.setId("summary");

        ListView<RenderedFile> list = new ListView<>(model.files());
        list.setId("files");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RenderedFile file, boolean empty) {
                super.updateItem(file, empty);
                setText(empty || file == null ? null : PreviewViewModel.label(file));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, file) -> model.selectedProperty().set(file));
        if (model.selectedProperty().get() != null) {
            list.getSelectionModel().select(model.selectedProperty().get());
        }

        TextArea text = new TextArea();
        text.setId("content");
        text.setEditable(false);
        text.setFont(Font.font("Monospaced", 13));
        text.textProperty().bind(model.contentProperty());

        SplitPane split = new SplitPane(list, text);
        split.setDividerPositions(0.35);
        root.setTop(summary);
        root.setCenter(split);
    }

    public BorderPane root() {
        return root;
    }
}
