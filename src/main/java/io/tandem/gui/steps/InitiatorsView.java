package io.tandem.gui.steps;

import io.tandem.gui.form.Form;
import io.tandem.gui.wizard.InitiatorsStep;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/** Step 8: the client machines (added, edited, removed), and settings to type into unmanaged initiators. */
public final class InitiatorsView implements StepView {

    private final VBox root = new VBox(12);

    public InitiatorsView(InitiatorsStep step, Runnable rebuild) {
        root.setPadding(new Insets(20));
        for (int i = 0; i < step.count(); i++) {
            final int index = i;
            root.getChildren().add(Form.heading("Initiator " + (i + 1)));
            root.getChildren().add(Form.grid(3, step.fieldsOf(i).stream().map(Form::field).toList()));
            Button remove = new Button("Remove this initiator");
            remove.setOnAction(e -> {
                step.remove(index);
                rebuild.run();
            });
            root.getChildren().add(remove);
        }
        Button add = new Button("Add an initiator");
        add.setId("add-initiator");
        add.setOnAction(e -> {
            step.add();
            rebuild.run();
        });
        TextArea manual = new TextArea(step.manualSettings());
        manual.setEditable(false);
        manual.setPrefRowCount(4);
        root.getChildren().addAll(add, Form.note("The replacement timeout keeps applications waiting (instead of failing) while "
                + "the target moves; Tandem suggests " + step.suggestedReplacementTimeout() + " s for this cluster."),
                Form.heading("Other initiators (Windows, VMware): enter these by hand"), manual);
    }

    @Override
    public Node root() {
        return root;
    }
}
