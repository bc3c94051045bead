package io.tandem.gui.steps;

import io.tandem.gui.form.Form;
import io.tandem.gui.form.Form.Choice;
import io.tandem.gui.wizard.ReplicationStep;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * Step 5: the shared secret, the first primary and the initial sync as choices; protocol, resync
 * speed (with its unit) and verification folded under Advanced.
 */
public final class ReplicationView implements StepView {

    private final VBox root = new VBox(12);

    public ReplicationView(ReplicationStep step) {
        root.setPadding(new Insets(20));
        var fields = step.fields();
        root.getChildren().add(Form.note("DRBD mirrors each volume block by block from the primary node to the other one over the "
                + "replication network."));
        CheckBox show = new CheckBox("Show");
        show.selectedProperty().bindBidirectional(step.showSecretProperty());
        Button regenerate = new Button("Generate a new one");
        regenerate.setOnAction(e -> step.regenerateSecret());
        root.getChildren().addAll(Form.secret(Form.byPath(fields, "$.replication.sharedSecret"), step.showSecretProperty()),
                new HBox(8, show, regenerate));
        List<Choice> nodes = step.nodeNames().stream().map(n -> new Choice(n, n
                + (n.equals(step.nodeNames().getFirst()) ? " (recommended: the first node)" : ""))).toList();
        root.getChildren().add(Form.choice(Form.byPath(fields, "$.cluster.preferredNode"), nodes, ""));
        root.getChildren().addAll(Form.choice(Form.byPath(fields, "$.replication.initialSync"), List.of(
                        new Choice("full", "Copy everything once (recommended)"),
                        new Choice("skip-new-disks", "Skip the copy when both disks are brand new")), "full"),
                Form.note("Copying everything is always safe. " + ReplicationStep.SKIP_SYNC_CONDITION),
                Form.heading("Expected initial sync"), Form.note(step.expectedSyncTime()));
        VBox advanced = new VBox(10,
                Form.choice(Form.byPath(fields, "$.replication.protocol"), List.of(
                        new Choice("C", "C — synchronous (recommended)"),
                        new Choice("B", "B — memory-synchronous"),
                        new Choice("A", "A — asynchronous, for distant sites")), "C"),
                Form.note(ReplicationStep.WHY_PROTOCOL_C),
                Form.grid(2, List.of(RateField.of(Form.byPath(fields, "$.replication.dynamicResync.maxRate")),
                        Form.choice(Form.byPath(fields, "$.replication.verifyAlgorithm"), List.of(
                                new Choice("sha256", "sha256 (recommended)"), new Choice("sha1", "sha1"),
                                new Choice("crc32c", "crc32c (fastest, weakest)"), new Choice("md5", "md5")), ""))),
                Form.note("DRBD adapts the resync speed to the traffic and never goes above this ceiling; set it to about "
                        + "what the replication link and the disks can carry."));
        root.getChildren().add(Form.advanced("replication tuning", advanced));
    }

    @Override
    public Node root() {
        return root;
    }
}
