package io.tandem.gui.steps;

import io.tandem.gui.form.Form;
import io.tandem.gui.wizard.TargetStep;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;

/** Step 7: IQN (with a suggestion), implementation, LUNs, CHAP, and session parameters under Advanced. */
public final class TargetView implements StepView {

    private final VBox root = new VBox(12);

    public TargetView(TargetStep step) {
        root.setPadding(new Insets(20));
        var fields = step.fields();
        Button suggest = new Button("Suggest: " + step.suggestedIqn());
        suggest.setOnAction(e -> step.useSuggestedIqn());
        root.getChildren().addAll(Form.note("The target is what the clients (initiators) log in to: one iSCSI name, reached at the "
                + "virtual IP, whichever node holds it."), Form.field(Form.byPath(fields, "$.target.iqn")), suggest,
                Form.choice(Form.byPath(fields, "$.target.implementation"), List.of(
                        new Form.Choice("lio", "LIO, the Linux kernel's target (recommended)"),
                        new Form.Choice("lio-t", "LIO through the stock agents (targetcli)"),
                        new Form.Choice("tgt", "tgt, the user-space target")), "lio"),
                Form.note("LIO with Tandem's own agent sets mutual and discovery CHAP. The stock agents (targetcli) set no mutual "
                        + "CHAP. tgt sets mutual CHAP through Tandem's agent, has no discovery CHAP, and numbers LUNs from 1."));
        root.getChildren().add(Form.heading("LUNs"));
        step.luns().forEach(l -> root.getChildren().add(Form.note(l)));
        root.getChildren().add(Form.heading("CHAP"));
        CheckBox show = new CheckBox("Show secret");
        show.setId("show-chap");
        show.selectedProperty().bindBidirectional(step.showSecretProperty());
        Button copy = new Button("Copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(step.chapSecret().value().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button regenerate = new Button("Generate a new one");
        regenerate.setOnAction(e -> step.regenerateChapSecret());
        root.getChildren().addAll(Form.field(Form.byPath(fields, "$.chap.incoming.user")),
                Form.secret(step.chapSecret(), step.showSecretProperty()), new HBox(8, show, copy, regenerate));
        List<Form.Choice> digests = List.of(new Form.Choice("None", "None (recommended)"), new Form.Choice("CRC32C", "CRC32C"),
                new Form.Choice("CRC32C,None", "CRC32C if the initiator wants it"));
        VBox advanced = new VBox(8, Form.note("These values are safe defaults; change them only to match a tuned initiator."),
                Form.grid(3, List.of(Form.field(Form.byPath(fields, "$.target.session.maxBurstLength")),
                        Form.field(Form.byPath(fields, "$.target.session.firstBurstLength")),
                        Form.field(Form.byPath(fields, "$.target.session.maxRecvDataSegmentLength")),
                        Form.choice(Form.byPath(fields, "$.target.session.headerDigest"), digests, "None"),
                        Form.choice(Form.byPath(fields, "$.target.session.dataDigest"), digests, "None"))));
        root.getChildren().add(Form.advanced("session parameters", advanced));
    }

    @Override
    public Node root() {
        return root;
    }
}
