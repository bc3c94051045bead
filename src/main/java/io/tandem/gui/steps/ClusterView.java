package io.tandem.gui.steps;

import io.tandem.gui.form.Form;
import io.tandem.gui.wizard.ClusterStep;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.util.List;

/** Step 6: Corosync/Pacemaker settings, fencing or its acknowledged risk, and the failover preview. */
public final class ClusterView implements StepView {

    private final VBox root = new VBox(12);

    public ClusterView(ClusterStep step, String stonithType) {
        root.setPadding(new Insets(20));
        var fields = step.fields();
        root.getChildren().addAll(Form.field(Form.byPath(fields, "$.cluster.tokenMs")), Form.note(ClusterStep.TWO_NODE));
        ComboBox<String> fencing = new ComboBox<>();
        fencing.getItems().addAll("fence_ipmilan", "none");
        fencing.setValue(stonithType);
        fencing.setId("stonith-type");
        fencing.setAccessibleText("Fencing device");
        VBox devices = new VBox(6);
        for (int n = 0; n < 2; n++) {
            String base = "$.cluster.stonith.devices[" + n + "]";
            devices.getChildren().add(Form.grid(3, List.of(Form.field(Form.byPath(fields, base + ".address")),
                    Form.field(Form.byPath(fields, base + ".user")),
                    Form.secret(Form.byPath(fields, base + ".password"), new SimpleBooleanProperty(false)))));
        }
        CheckBox accept = new CheckBox("I understand the risk and want to run without fencing");
        accept.setId("accept-no-fencing");
        accept.selectedProperty().bindBidirectional(step.acceptNoFencingProperty());
        Label risk = new Label(ClusterStep.NO_FENCING_RISK);
        risk.setWrapText(true);
        risk.setStyle("-fx-text-fill: #c62828;");
        VBox noFencing = new VBox(6, risk, accept);
        Runnable show = () -> {
            boolean ipmi = "fence_ipmilan".equals(fencing.getValue());
            devices.setVisible(ipmi);
            devices.setManaged(ipmi);
            noFencing.setVisible(!ipmi);
            noFencing.setManaged(!ipmi);
        };
        fencing.valueProperty().addListener((obs, old, now) -> {
            step.setStonith(now);
            show.run();
        });
        show.run();
        root.getChildren().addAll(Form.heading("Fencing (STONITH)"), Form.note("When a node stops answering, fencing switches it off "
                + "through its management board (IPMI/BMC) before the other node takes over, so two nodes never write at once."),
                fencing, devices, noFencing);
        Button preview = new Button("Preview a failover");
        preview.setId("failover-preview");
        preview.setDisable(!step.previewAvailable());
        preview.setOnAction(e -> step.runPreview());
        Label result = new Label();
        result.textProperty().bind(step.previewProperty());
        result.setWrapText(true);
        result.setId("preview-result");
        root.getChildren().addAll(Form.heading("Failover preview"), Form.note(step.previewAvailable()
                ? "Pacemaker's own scheduler (crm_simulate) shows where everything runs now and after the preferred node fails."
                : "Install pacemaker-cli-utils on this workstation to preview failovers."), preview, result);
    }

    @Override
    public Node root() {
        return root;
    }
}
