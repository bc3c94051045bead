package io.tandem.gui.steps;

import io.tandem.gui.form.Form;
import io.tandem.gui.wizard.ReplicationStep;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;

/** Step 5: protocol, speeds, verification, the shared secret, first primary and initial sync. */
public final class ReplicationView implements StepView {

    private final VBox root = new VBox(12);

    public ReplicationView(ReplicationStep step) {
        root.setPadding(new Insets(20));
        var fields = step.fields();
        root.getChildren().addAll(Form.field(Form.byPath(fields, "$.replication.protocol")), Form.note(ReplicationStep.WHY_PROTOCOL_C));
        root.getChildren().add(Form.grid(2, List.of(Form.field(Form.byPath(fields, "$.replication.dynamicResync.maxRate")),
                Form.field(Form.byPath(fields, "$.replication.verifyAlgorithm")))));
        CheckBox show = new CheckBox("Show");
        show.selectedProperty().bindBidirectional(step.showSecretProperty());
        Button regenerate = new Button("Generate a new one");
        regenerate.setOnAction(e -> step.regenerateSecret());
        root.getChildren().addAll(Form.secret(Form.byPath(fields, "$.replication.sharedSecret"), step.showSecretProperty()),
                new HBox(8, show, regenerate));
        root.getChildren().addAll(Form.field(Form.byPath(fields, "$.cluster.preferredNode")),
                Form.field(Form.byPath(fields, "$.replication.initialSync")),
                Form.note("\"full\" copies everything once (always safe); \"skip-new-disks\": " + ReplicationStep.SKIP_SYNC_CONDITION),
                Form.heading("Expected initial sync"), Form.note(step.expectedSyncTime()));
    }

    @Override
    public Node root() {
        return root;
    }
}
