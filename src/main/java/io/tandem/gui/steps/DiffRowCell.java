package io.tandem.gui.steps;

import io.tandem.gui.wizard.DiffRow;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.text.Font;

import java.util.List;

/** One line of a diff: the host's line number, the new one, the sign and the text, coloured by a style class per kind. */
final class DiffRowCell extends ListCell<DiffRow> {

    private static final Font MONO = Font.font("Monospaced", 12);
    private static final List<String> KINDS = List.of("diff-hunk", "diff-same", "diff-removed", "diff-added");

    private final Label oldNumber = number();
    private final Label newNumber = number();
    private final Label text = new Label();
    private final HBox row = new HBox(6, oldNumber, newNumber, text);

    DiffRowCell() {
        text.setFont(MONO);
        text.getStyleClass().add("diff-text");
        row.getStyleClass().add("diff-row");
    }

    private static Label number() {
        Label label = new Label();
        label.setFont(MONO);
        label.setMinWidth(40);
        label.setPrefWidth(40);
        label.getStyleClass().add("diff-number");
        return label;
    }

    @Override
    protected void updateItem(DiffRow item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll(KINDS);
        row.getStyleClass().removeAll(KINDS);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        String kind = KINDS.get(item.kind().ordinal());
        getStyleClass().add(kind);
        row.getStyleClass().add(kind);
        oldNumber.setText(item.oldNumber());
        newNumber.setText(item.newNumber());
        text.setText(item.kind() == DiffRow.Kind.HUNK ? item.text() : item.sign() + " " + item.text());
        setGraphic(row);
    }
}
