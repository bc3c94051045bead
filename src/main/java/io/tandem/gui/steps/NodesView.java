package io.tandem.gui.steps;

import io.tandem.discovery.Check;
import io.tandem.gui.form.Form;
import io.tandem.gui.wizard.FieldBinding;
import io.tandem.gui.wizard.NodesStep;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
        root.getChildren().addAll(scan(step), Form.columns(List.of(node(step, 0), node(step, 1))));
        root.getChildren().add(Form.heading("Both nodes together"));
        root.getChildren().add(ReportList.of(step.pairReport(), "pair-report"));
        CheckBox anyway = new CheckBox("Continue although checks failed (I will fix them before applying)");
        anyway.setId("accept-failures");
        anyway.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> failed(step),
                step.pairReport(), step.login(0).report, step.login(1).report));
        anyway.managedProperty().bind(anyway.visibleProperty());
        anyway.selectedProperty().bindBidirectional(step.acceptFailuresProperty());
        root.getChildren().add(anyway);
    }

    private static VBox node(NodesStep step, int n) {
        List<FieldBinding> fields = step.fields().stream().filter(f -> f.path().startsWith("$.nodes[" + n + "]")).toList();
        VBox box = new VBox(8, Form.heading("Node " + (n + 1)));
        fields.forEach(f -> box.getChildren().add(Form.field(f)));
        box.getChildren().addAll(LoginControls.of(step.login(n), "-" + n, () -> step.discover(n), () -> step.cancel(n)));
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

    @Override
    public Node root() {
        return root;
    }
}
