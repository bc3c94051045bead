package io.tandem.gui.help;

import io.tandem.help.UserGuide;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The help window: the user guide's sections on the left, the one shown on the right with its
 * screenshots. It does not block the wizard: the user can read and fill in the step side by side.
 */
public final class HelpView {

    private final Stage stage = new Stage();
    private final HelpViewModel model;
    private final ListView<UserGuide.Section> contents;
    private final VBox content = new VBox(10);
    private final ScrollPane scroll = new ScrollPane(content);

    public HelpView(HelpViewModel model, Window owner) {
        this.model = model;
        stage.initOwner(owner);
        stage.setTitle("Tandem user guide");
        contents = new ListView<>(model.sections());
        contents.setId("help-contents");
        contents.setPrefWidth(230);
        contents.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != model.shownProperty().get()) {
                model.open(now.anchor());
            }
        });
        content.setId("help-content");
        content.setPadding(new Insets(16, 20, 20, 20));
        scroll.setId("help-scroll");
        scroll.setFitToWidth(true);
        Label status = new Label();
        status.setId("help-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.setPadding(new Insets(6, 12, 6, 12));
        model.shownProperty().addListener((obs, old, section) -> show(section));
        show(model.shownProperty().get());
        BorderPane root = new BorderPane(scroll, status, null, null, contents);
        root.setId("help-window");
        stage.setScene(new Scene(root, 940, 660));
    }

    private void show(UserGuide.Section section) {
        if (section == null) {
            content.getChildren().clear();
            return;
        }
        Label title = new Label(section.title());
        title.setId("help-title");
        title.getStyleClass().add("title-2");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        content.getChildren().setAll(title);
        content.getChildren().addAll(GuideNodes.of(section.blocks(), model::open));
        scroll.setVvalue(0);
        contents.getSelectionModel().select(section);
        contents.scrollTo(section);
        stage.setTitle("Tandem user guide — " + section.title());
    }

    /** Shows the window, or brings it to the front when it is open already. */
    public void show() {
        if (stage.isShowing()) {
            stage.toFront();
        } else {
            stage.show();
        }
    }

    public Stage stage() {
        return stage;
    }
}
