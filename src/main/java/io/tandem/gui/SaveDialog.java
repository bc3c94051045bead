package io.tandem.gui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where to save a project: a folder and a file name in a small dialog of Tandem's own. The
 * desktop's file chooser opened taller than a 768-pixel screen; this one is a few lines high, and
 * the folder can still be picked with the desktop's chooser.
 */
final class SaveDialog {

    static final String SUFFIX = ".tandem.json";

    private SaveDialog() {
    }

    static Dialog<Path> create(Window owner, Path current) {
        Dialog<Path> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Save the project");
        dialog.setHeaderText("Save the project (it holds secrets: only you may read the file)");
        dialog.getDialogPane().setId("save-dialog");
        Path folder = current != null && current.toAbsolutePath().getParent() != null ? current.toAbsolutePath().getParent()
                : Path.of(System.getProperty("user.home"));
        TextField directory = new TextField(folder.toString());
        directory.setId("save-folder");
        directory.setAccessibleText("Folder");
        TextField name = new TextField(current == null ? "cluster" + SUFFIX : current.getFileName().toString());
        name.setId("save-name");
        name.setAccessibleText("File name");
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the project");
            java.io.File start = Path.of(directory.getText()).toFile();
            if (start.isDirectory()) {
                chooser.setInitialDirectory(start);
            }
            java.io.File picked = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (picked != null) {
                directory.setText(picked.toString());
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Folder"), directory, choose);
        grid.addRow(1, new Label("File name"), name);
        GridPane.setHgrow(directory, Priority.ALWAYS);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(560);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Save");
        ok.disableProperty().bind(name.textProperty().isEmpty().or(directory.textProperty().isEmpty()));
        dialog.setResultConverter(button -> button == ButtonType.OK ? path(directory.getText(), name.getText()) : null);
        return dialog;
    }

    /** The file to write: the name gets Tandem's suffix when it has none. */
    static Path path(String directory, String name) {
        String file = name.strip();
        return Path.of(directory.strip()).resolve(file.endsWith(SUFFIX) ? file : file.replaceFirst("\\.json$", "") + SUFFIX);
    }

    static Optional<Path> ask(Window owner, Path current) {
        return create(owner, current).showAndWait();
    }
}
