package io.tandem.gui.steps;

import io.tandem.discovery.Check;
import io.tandem.gui.form.Form;
import io.tandem.gui.wizard.FieldBinding;
import io.tandem.gui.wizard.NodesStep;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/** Step 2: both servers, login, discovery with progress and Cancel, and the compatibility report. */
public final class NodesView implements StepView {

    private final VBox root = new VBox(12);

    public NodesView(NodesStep step, boolean demo) {
        root.setPadding(new Insets(20));
        if (demo) {
            root.getChildren().add(Form.note("Demo cluster: node1 is 192.168.50.11, node2 192.168.50.12. Press Discover on each."));
        }
        HBox nodes = new HBox(24);
        for (int n = 0; n < 2; n++) {
            nodes.getChildren().add(node(step, n));
        }
        root.getChildren().addAll(scan(step), nodes);
        root.getChildren().add(Form.heading("Both nodes together"));
        root.getChildren().add(report(step.pairReport(), "pair-report"));
        CheckBox anyway = new CheckBox("Continue although checks failed (I will fix them before applying)");
        anyway.setId("accept-failures");
        anyway.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> failed(step),
                step.pairReport(), step.login(0).report, step.login(1).report));
        anyway.managedProperty().bind(anyway.visibleProperty());
        anyway.selectedProperty().bindBidirectional(step.acceptFailuresProperty());
        root.getChildren().add(anyway);
    }

    private static VBox node(NodesStep step, int n) {
        NodesStep.NodeLogin login = step.login(n);
        List<FieldBinding> fields = step.fields().stream().filter(f -> f.path().startsWith("$.nodes[" + n + "]")).toList();
        VBox box = new VBox(8, Form.heading("Node " + (n + 1)));
        fields.forEach(f -> box.getChildren().add(Form.field(f)));
        ComboBox<NodesStep.Login> how = new ComboBox<>();
        how.getItems().addAll(NodesStep.Login.values());
        how.valueProperty().bindBidirectional(login.login);
        how.setAccessibleText("How to log in");
        how.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(NodesStep.Login value) {
                return value == null ? "" : switch (value) {
                    case AGENT -> "ssh-agent";
                    case KEY_FILE -> "Key file";
                    case PASSWORD -> "Password";
                };
            }

            @Override
            public NodesStep.Login fromString(String text) {
                return null;
            }
        });
        how.setId("login-" + n);
        TextField key = new TextField();
        key.textProperty().bindBidirectional(login.keyFile);
        key.setId("key-file-" + n);
        key.setPromptText("Private key file");
        key.visibleProperty().bind(login.login.isEqualTo(NodesStep.Login.KEY_FILE));
        key.managedProperty().bind(key.visibleProperty());
        PasswordField password = new PasswordField();
        password.textProperty().bindBidirectional(login.password);
        password.setPromptText("Password (kept in memory only)");
        password.visibleProperty().bind(login.login.isEqualTo(NodesStep.Login.PASSWORD));
        password.managedProperty().bind(password.visibleProperty());
        PasswordField sudo = new PasswordField();
        sudo.textProperty().bindBidirectional(login.sudoPassword);
        sudo.setPromptText("sudo password, if the user needs one");
        Button discover = new Button("Discover", new FontIcon("mdi2m-magnify"));
        discover.setId("discover-" + n);
        discover.disableProperty().bind(login.running);
        discover.setOnAction(e -> step.discover(n));
        Button cancel = new Button("Cancel");
        cancel.visibleProperty().bind(login.running);
        cancel.setOnAction(e -> step.cancel(n));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(login.running);
        Label status = new Label();
        status.textProperty().bind(login.status);
        status.setWrapText(true);
        status.setId("status-" + n);
        box.getChildren().addAll(new Label("Log in with"), how, key, password, sudo, new HBox(8, discover, cancel, progress), status,
                report(login.report, "report-" + n));
        box.setPrefWidth(440);
        return box;
    }

    /** Optional: find the servers by scanning a subnet you are responsible for. */
    private static Node scan(NodesStep step) {
        TextField subnet = new TextField();
        subnet.textProperty().bindBidirectional(step.scanSubnetProperty());
        subnet.setPromptText("Subnet to scan, e.g. 192.168.50.0/24");
        subnet.setId("scan-subnet");
        Button scan = new Button("Scan for SSH servers", new FontIcon("mdi2r-radar"));
        scan.setId("scan");
        scan.setOnAction(e -> step.scan());
        ListView<String> found = new ListView<>(step.scanResults());
        found.setId("scan-results");
        found.setPrefHeight(80);
        Button first = new Button("Use for node 1");
        first.setOnAction(e -> java.util.Optional.ofNullable(found.getSelectionModel().getSelectedItem()).ifPresent(a -> step.use(0, a)));
        Button second = new Button("Use for node 2");
        second.setOnAction(e -> java.util.Optional.ofNullable(found.getSelectionModel().getSelectedItem()).ifPresent(a -> step.use(1, a)));
        Label status = new Label();
        status.textProperty().bind(step.scanStatusProperty());
        javafx.scene.control.TitledPane pane = new javafx.scene.control.TitledPane("Find servers on a subnet (optional)",
                new VBox(6, new HBox(8, subnet, scan), status, found, new HBox(8, first, second)));
        pane.setExpanded(false);
        return pane;
    }

    private static boolean failed(NodesStep step) {
        return java.util.stream.Stream.of(step.pairReport(), step.login(0).report, step.login(1).report)
                .flatMap(java.util.List::stream).anyMatch(c -> c.status() == Check.Status.FAIL);
    }

    static ListView<Check> report(ObservableList<Check> checks, String id) {
        ListView<Check> list = new ListView<>(checks);
        list.setId(id);
        list.setPrefHeight(170);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Check check, boolean empty) {
                super.updateItem(check, empty);
                if (empty || check == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(check.title() + ": " + check.reason() + (check.fix().isEmpty() ? "" : " — " + check.fix()));
                setWrapText(true);
                setPrefWidth(0);
                FontIcon icon = new FontIcon(switch (check.status()) {
                    case PASS -> "mdi2c-check-circle";
                    case WARNING -> "mdi2a-alert";
                    case FAIL -> "mdi2c-close-circle";
                });
                icon.setIconColor(switch (check.status()) {
                    case PASS -> javafx.scene.paint.Color.SEAGREEN;
                    case WARNING -> javafx.scene.paint.Color.DARKORANGE;
                    case FAIL -> javafx.scene.paint.Color.FIREBRICK;
                });
                setGraphic(icon);
                setAccessibleText(check.status().name().toLowerCase() + ": " + getText());
            }
        });
        return list;
    }

    @Override
    public Node root() {
        return root;
    }
}
