package io.tandem.gui.steps;

import io.tandem.gui.form.Form;
import io.tandem.gui.wizard.TargetStep;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TitledPane;
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
        root.getChildren().addAll(Form.field(Form.byPath(fields, "$.target.iqn")), suggest,
                Form.field(Form.byPath(fields, "$.target.implementation")),
                Form.note("lio: the Linux kernel's target with Tandem's own agent (recommended; mutual and discovery CHAP). "
                        + "lio-t: the kernel's target with the stock agents (targetcli), no mutual CHAP. "
                        + "tgt: the user-space target (mutual CHAP through Tandem's agent, no discovery CHAP; LUNs from 1)."));
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
        VBox advanced = new VBox(8, Form.note("The tutorial's values are safe defaults; change them only to match a tuned initiator."),
                Form.grid(3, List.of(Form.field(Form.byPath(fields, "$.target.session.maxBurstLength")),
                        Form.field(Form.byPath(fields, "$.target.session.firstBurstLength")),
                        Form.field(Form.byPath(fields, "$.target.session.maxRecvDataSegmentLength")),
                        Form.field(Form.byPath(fields, "$.target.session.headerDigest")),
                        Form.field(Form.byPath(fields, "$.target.session.dataDigest")))));
        TitledPane pane = new TitledPane("Advanced: session parameters", advanced);
        pane.setExpanded(false);
        root.getChildren().add(pane);
    }

    @Override
    public Node root() {
        return root;
    }
}
