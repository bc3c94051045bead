package io.tandem.gui.steps;

import io.tandem.gui.form.Form;
import io.tandem.gui.wizard.InitiatorsStep;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
        for (int i = 0; i < step.count(); i++) {
            final int index = i;
            root.getChildren().add(Form.heading("Initiator " + (i + 1) + (step.managed(i) ? "" : ": set up by hand")));
            root.getChildren().add(Form.grid(3, step.fieldsOf(i).stream().map(Form::field).toList()));
            if (step.managed(i)) {
                VBox login = new VBox(8);
                login.getChildren().addAll(LoginControls.of(step.login(i), "-initiator-" + i, () -> step.discover(index), () -> step.cancel(index)));
                login.setMaxWidth(640);
                root.getChildren().add(login);
            } else {
                TextArea manual = new TextArea(step.manualSettings(i));
                manual.setId("manual-settings-" + i);
                manual.setEditable(false);
                manual.setWrapText(true);
                manual.setPrefRowCount(6);
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
        root.getChildren().addAll(Form.row(java.util.List.of(add, addManual)), Form.note("The replacement timeout keeps applications waiting "
                + "(instead of failing) while the target moves; Tandem suggests " + step.suggestedReplacementTimeout()
                + " s for this cluster. Discovering a client is optional now: it checks open-iscsi and keeps the client's own "
                + "initiator name when it has one."));
    }

    @Override
    public Node root() {
        return root;
    }
}
