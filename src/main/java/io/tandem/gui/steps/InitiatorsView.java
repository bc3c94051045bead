package io.tandem.gui.steps;

import io.tandem.gui.form.Form;
import io.tandem.gui.wizard.FieldBinding;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import io.tandem.gui.wizard.InitiatorsStep;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Step 8: the client machines. A client Tandem logs in to is discovered like a node; another
 * (Windows, VMware) is only admitted by the target, and its settings are shown to enter by hand.
 */
public final class InitiatorsView implements StepView {

    private final VBox root = new VBox(12);

    public InitiatorsView(InitiatorsStep step, Runnable rebuild) {
        root.setPadding(new Insets(20));
        root.getChildren().add(Form.note("An initiator is a machine that uses the storage: its iSCSI software (the \"initiator\") "
                + "logs in to the target at the virtual IP and sees each LUN as a local disk. The target admits only the initiator "
                + "names listed here. Tandem can set up a Debian or Ubuntu client over SSH; for another one (Windows, VMware) it "
                + "shows what to enter there."));
        Label advice = Form.note(step.timeoutAdvice());
        advice.setId("timeout-advice");
        root.getChildren().add(advice);
        for (int i = 0; i < step.count(); i++) {
            final int index = i;
            root.getChildren().add(Form.heading("Initiator " + (i + 1) + (step.managed(i) ? "" : ": set up by hand")));
            root.getChildren().add(Form.grid(3, step.fieldsOf(i).stream().map(InitiatorsView::control).toList()));
            FieldBinding timeout = Form.byPath(step.fields(), "$.initiators[" + i + "].timeouts.replacementTimeout");
            Label timeoutNote = Form.note("");
            timeoutNote.setId("timeout-note-" + i);
            timeoutNote.textProperty().bind(Bindings.createStringBinding(() -> step.timeoutNote(timeout.value().get()), timeout.value()));
            root.getChildren().add(timeoutNote);
            if (step.managed(i)) {
                VBox login = new VBox(8);
                login.getChildren().addAll(LoginControls.of(step.login(i), "-initiator-" + i, () -> step.discover(index), () -> step.cancel(index)));
                login.setMaxWidth(640);
                root.getChildren().add(login);
                CheckBox witness = new CheckBox(InitiatorsStep.WITNESS);
                witness.setId("witness-" + i);
                witness.setWrapText(true);
                witness.setMaxWidth(640);
                witness.setSelected(step.witness(i));
                witness.setOnAction(e -> {
                    step.setWitness(index, witness.isSelected());
                    rebuild.run();
                });
                root.getChildren().add(witness);
            } else {
                TextArea manual = new TextArea(step.manualSettings(i));
                manual.setId("manual-settings-" + i);
                manual.setEditable(false);
                manual.setWrapText(true);
                manual.setPrefRowCount(8);
                manual.setAccessibleText("Settings to enter on initiator " + (i + 1));
                step.fieldsOf(i).forEach(f -> f.value().addListener((obs, old, now) -> manual.setText(step.manualSettings(index))));
                root.getChildren().add(manual);
            }
            Button remove = new Button("Remove this initiator", new FontIcon("mdi2d-delete"));
            remove.setOnAction(e -> {
                step.remove(index);
                rebuild.run();
            });
            root.getChildren().add(remove);
        }
        Button add = new Button("Add a client Tandem sets up (SSH)", new FontIcon("mdi2p-plus"));
        add.setId("add-initiator");
        add.setOnAction(e -> {
            step.add();
            rebuild.run();
        });
        Button addManual = new Button("Add another initiator (Windows, VMware: set up by hand)", new FontIcon("mdi2p-plus"));
        addManual.setId("add-manual-initiator");
        addManual.setOnAction(e -> {
            step.addManual();
            rebuild.run();
        });
        root.getChildren().addAll(Form.row(java.util.List.of(add, addManual)), Form.note("Discovering a client is optional now: it "
                + "checks open-iscsi and keeps the client's own initiator name when it has one."));
    }

    /** The filesystem is one of a few; every other field is typed. */
    private static Node control(FieldBinding field) {
        if (field.path().endsWith(".filesystem.type")) {
            return Form.choice(field, java.util.List.of(new Form.Choice("ext4", "ext4 (recommended)"), new Form.Choice("xfs", "xfs"),
                    new Form.Choice("btrfs", "btrfs"), new Form.Choice("jfs", "jfs"), new Form.Choice("ext3", "ext3")), "");
        }
        return Form.field(field);
    }

    @Override
    public Node root() {
        return root;
    }
}
