package io.tandem.gui;

import io.tandem.build.BuildInfo;
import io.tandem.build.ThirdPartyLicences;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;

/**
 * Help → About: which Tandem this is (version, commit, build date: {@link BuildInfo}) and the
 * libraries it bundles with their licences ({@link ThirdPartyLicences}), both written at build time.
 */
final class AboutDialog {

    private AboutDialog() {
    }

    static Dialog<Void> create(Window owner, BuildInfo build, List<ThirdPartyLicences.Library> libraries) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("About Tandem");
        dialog.setHeaderText("Tandem " + build.version());
        AppIcons.image(64).ifPresent(icon -> dialog.setGraphic(new ImageView(icon)));
        dialog.getDialogPane().setId("about-dialog");

        Label what = new Label("Turns two Linux servers into a highly available iSCSI target, and watches over it.");
        what.setWrapText(true);
        Label commit = new Label("Built from " + build.commitWords() + build.built().map(b -> ", on " + b + " UTC").orElse("") + ".");
        commit.setId("about-build");
        commit.setWrapText(true);
        Label runtime = new Label("Running on Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor", "unknown vendor") + ") with JavaFX " + System.getProperty("javafx.runtime.version", "?") + ".");
        runtime.setWrapText(true);
        Label heading = new Label("Bundled libraries and their licences");
        heading.getStyleClass().add("title-4");

        GridPane table = new GridPane();
        table.setId("about-libraries");
        table.setHgap(16);
        table.setVgap(4);
        table.setPadding(new Insets(4));
        table.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(), grow());
        table.addRow(0, bold("Library"), bold("Version"), bold("Licence"));
        int row = 1;
        // One row per name, version and licences: a library in several jars (Ikonli's three) is listed once.
        java.util.Set<List<Object>> shown = new java.util.HashSet<>();
        for (ThirdPartyLicences.Library library : libraries) {
            if (!shown.add(List.of(library.name(), library.version(), library.licences()))) {
                continue;
            }
            Label name = new Label(library.name());
            if (!library.url().isBlank()) {
                name.setTooltip(new Tooltip(library.coordinates() + "\n" + library.url()));
            }
            Label licences = new Label(String.join(", ", library.licences()));
            licences.setWrapText(true);
            table.addRow(row++, name, new Label(library.version()), licences);
        }
        if (libraries.isEmpty()) {
            table.addRow(row, new Label("(not listed: this is not a build made by Maven)"));
        }
        ScrollPane scroll = new ScrollPane(table);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(260);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        VBox content = new VBox(8, what, commit, runtime, heading, scroll);
        content.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(640);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setResizable(true);
        return dialog;
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        return column;
    }
}
