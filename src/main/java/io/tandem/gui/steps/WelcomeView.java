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
        Button watch = big("Watch the demo cluster", "mdi2m-monitor-eye", "The demo as already set up: its monitoring, with problems to simulate.");
        watch.setId("welcome-demo-monitoring");
        watch.setOnAction(e -> wizard.startDemoMonitoring());
        root.getChildren().addAll(title, Form.note("Tandem checks both servers, explains every choice in plain words, shows you "
                + "every file before anything is applied, and never destroys data without your typed confirmation."), create, open, demo, watch,
                checklist()); // the buttons first: on a small screen (200 % scaling) they stay above the fold
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

    /** What a first-time user should have at hand before starting: better learnt here than on step 4. */
    private static Node checklist() {
        VBox list = new VBox(4, Form.heading("What you need"));
        list.setId("welcome-checklist");
        for (String item : CHECKLIST) {
            Label line = new Label("•  " + item);
            line.setWrapText(true);
            line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            list.getChildren().add(line);
        }
        return list;
    }

    static final java.util.List<String> CHECKLIST = java.util.List.of(
            "Two servers with Debian 12 or Ubuntu 22.04/24.04 that this computer reaches over SSH (as root, or a user with sudo).",
            "Four network ports in each server: two for the client network, two for a separate replication network "
                    + "(each pair becomes a bond, so one cable may fail).",
            "One empty disk in each server, both of the same size: it holds the data and will be overwritten.",
            "A fencing device: each server's management board (IPMI, iDRAC, iLO), a small disk both servers share (SBD), "
                    + "or the hypervisor when the servers are virtual machines.",
            "A free address in the client network for the virtual IP, and a subnet of its own for replication.");

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
