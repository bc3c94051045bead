package io.tandem.gui.steps;

import io.tandem.gui.form.Form;
import io.tandem.gui.wizard.WizardViewModel;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Step 1: start a new project, open one, or try the demo. */
public final class WelcomeView implements StepView {

    private final VBox root = new VBox(14);

    public WelcomeView(WizardViewModel wizard, Runnable openFile, Consumer<Path> openRecent) {
        Label title = new Label("Two servers, one highly available iSCSI target");
        title.getStyleClass().add("title-2");
        Button create = big("New project", "mdi2f-file-plus-outline", "Set up two of your servers, step by step.");
        create.setId("welcome-new");
        create.setOnAction(e -> {
            wizard.startNew();
            wizard.next();
        });
        Button open = big("Open a project…", "mdi2f-folder-open-outline", "Continue with a saved *.tandem.json.");
        open.setId("welcome-open");
        open.setOnAction(e -> openFile.run());
        Button demo = big("Try the demo cluster", "mdi2p-play-circle-outline", "Two simulated nodes and a client: nothing real is touched.");
        demo.setId("welcome-demo");
        demo.setOnAction(e -> {
            wizard.startDemo();
            wizard.next();
        });
        root.getChildren().addAll(title, Form.note("Tandem checks both servers, explains every choice in plain words, shows you "
                + "every file before anything is applied, and never destroys data without your typed confirmation."), create, open, demo);
        if (wizard.hasAutosave()) {
            Button restore = big("Restore the unsaved draft", "mdi2h-history", "Tandem kept your last changes when it was closed.");
            restore.setId("welcome-restore");
            restore.setOnAction(e -> {
                if (wizard.restoreAutosave().isEmpty()) {
                    wizard.next();
                }
            });
            root.getChildren().add(restore);
        }
        if (!wizard.recent().isEmpty()) {
            root.getChildren().add(Form.heading("Recent projects"));
            for (Path path : wizard.recent()) {
                Button recent = new Button(path.toString());
                recent.getStyleClass().add("flat");
                recent.setOnAction(e -> openRecent.accept(path));
                root.getChildren().add(recent);
            }
        }
        root.setPadding(new Insets(24));
        root.setMaxWidth(720);
    }

    private static Button big(String text, String icon, String detail) {
        Button button = new Button(text + "\n" + detail, new FontIcon(icon));
        button.setMaxWidth(Double.MAX_VALUE);
        button.setMinHeight(60);
        button.setAccessibleText(text);
        button.setStyle("-fx-alignment: center-left; -fx-font-size: 1.1em;");
        return button;
    }

    @Override
    public Node root() {
        return root;
    }
}
