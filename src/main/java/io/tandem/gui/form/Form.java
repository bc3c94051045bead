package io.tandem.gui.form;

import io.tandem.gui.wizard.FieldBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/** Small builders for the steps' forms: a label, the control, and the field's problem right under it. */
public final class Form {

    private Form() {
    }

    /** A text field bound to a draft path, with its message below. */
    public static VBox field(FieldBinding binding) {
        TextField input = new TextField();
        input.textProperty().bindBidirectional(binding.value());
        return labelled(binding, input);
    }

    /** A secret: hidden unless {@code show} is on; never written anywhere but the project. */
    public static VBox secret(FieldBinding binding, BooleanProperty show) {
        PasswordField hidden = new PasswordField();
        TextField shown = new TextField();
        hidden.textProperty().bindBidirectional(binding.value());
        shown.textProperty().bindBidirectional(binding.value());
        shown.visibleProperty().bind(show);
        shown.managedProperty().bind(show);
        hidden.visibleProperty().bind(show.not());
        hidden.managedProperty().bind(show.not());
        VBox box = labelled(binding, hidden);
        box.getChildren().add(2, shown);
        shown.setId(id(binding) + "-shown");
        return box;
    }

    /** One of a fixed set of values: its project value and what the user reads. */
    public record Choice(String value, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * A fixed choice bound to a draft path: a drop-down instead of a text box. An empty value shows
     * {@code whenEmpty} (what the project means by leaving it out, e.g. the recommended one) without
     * writing it; a value that is not among the choices (a hand-edited file) is offered as it is.
     */
    public static VBox choice(FieldBinding binding, List<Choice> choices, String whenEmpty) {
        javafx.scene.control.ComboBox<Choice> box = new javafx.scene.control.ComboBox<>();
        box.getItems().setAll(choices);
        box.setMaxWidth(Double.MAX_VALUE);
        boolean[] syncing = {false};
        Runnable fromDraft = () -> {
            syncing[0] = true;
            String value = binding.value().get().isEmpty() ? whenEmpty : binding.value().get();
            Choice match = box.getItems().stream().filter(c -> c.value().equals(value)).findFirst().orElse(null);
            if (match == null && !value.isEmpty()) {
                match = new Choice(value, value);
                box.getItems().add(match);
            }
            box.setValue(match);
            syncing[0] = false;
        };
        fromDraft.run();
        binding.value().addListener((obs, old, now) -> fromDraft.run());
        box.valueProperty().addListener((obs, old, now) -> {
            if (!syncing[0] && now != null && !now.value().equals(binding.value().get())) {
                binding.value().set(now.value());
            }
        });
        return labelled(binding, box);
    }

    /** A field and its unit beside it ("400" "MiB/s"): the unit is said, never guessed. */
    public static VBox withUnit(FieldBinding binding, javafx.scene.control.Control input, Node unit) {
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(6, input, unit);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.HBox.setHgrow(input, Priority.ALWAYS);
        return labelled(binding, input, row);
    }

    /** Rare settings, folded away: a first-time user need not read them, an expert finds them here. */
    public static javafx.scene.control.TitledPane advanced(String title, Node content) {
        javafx.scene.control.TitledPane pane = new javafx.scene.control.TitledPane("Advanced: " + title, content);
        pane.setExpanded(false);
        pane.setId("advanced-" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("-$", ""));
        return pane;
    }

    private static VBox labelled(FieldBinding binding, javafx.scene.control.Control input) {
        return labelled(binding, input, input);
    }

    private static VBox labelled(FieldBinding binding, javafx.scene.control.Control input, Node shown) {
        Label label = new Label(binding.label());
        label.setWrapText(true); // narrow columns (large scaling) wrap a label instead of cutting it
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.setLabelFor(input);
        input.setId(id(binding));
        input.setAccessibleText(binding.label());
        if (input instanceof TextInputControl text) {
            text.setPromptText(binding.label());
        }
        touchedOnLeaving(input, binding);
        Label message = problem(binding.message());
        message.setId(id(binding) + "-problem");
        VBox box = new VBox(3, label, shown, message);
        box.setFillWidth(true);
        return box;
    }

    /** Leaving a field counts as having been there: its "Required" may show now. */
    public static void touchedOnLeaving(Node input, FieldBinding binding) {
        input.focusedProperty().addListener((obs, was, now) -> {
            if (was && !now) {
                binding.touchedProperty().set(true);
            }
        });
    }

    /** A red message that takes no room while empty. */
    public static Label problem(javafx.beans.value.ObservableStringValue text) {
        Label message = new Label();
        message.textProperty().bind(text);
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the whole message, never cut with "…"
        message.getStyleClass().add("danger");
        message.setStyle("-fx-text-fill: #c62828;");
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    /** An id usable in tests and CSS: the JSON path made safe, e.g. {@code nodes-0-ssh-address}. */
    public static String id(FieldBinding binding) {
        return binding.path().replace("$.", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    /** The narrowest a grid column may get: a label such as "Replication bond name" still fits on two lines. */
    public static final double MIN_COLUMN_WIDTH = 150;

    /**
     * A grid of fields, {@code columns} per row, the columns sharing the width equally: a long
     * message under one field wraps within its column instead of widening it and squeezing the
     * others down to a few pixels.
     */
    public static GridPane grid(int columns, List<? extends Node> cells) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        for (int c = 0; c < columns; c++) {
            javafx.scene.layout.ColumnConstraints column = new javafx.scene.layout.ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            column.setMinWidth(MIN_COLUMN_WIDTH);
            column.setHgrow(Priority.ALWAYS);
            column.setFillWidth(true);
            grid.getColumnConstraints().add(column);
        }
        grid.setMinWidth(columns * MIN_COLUMN_WIDTH + (columns - 1) * grid.getHgap());
        for (int i = 0; i < cells.size(); i++) {
            Node cell = cells.get(i);
            GridPane.setHgrow(cell, Priority.ALWAYS);
            grid.add(cell, i % columns, i / columns);
        }
        return grid;
    }

    /**
     * Blocks side by side while the window is wide enough, one below the other when it is not
     * (small windows, 150-200 % scaling): nothing is squeezed until its text is cut off.
     */
    public static javafx.scene.layout.FlowPane columns(List<? extends Node> blocks) {
        javafx.scene.layout.FlowPane pane = new javafx.scene.layout.FlowPane(24, 16);
        pane.getChildren().addAll(blocks);
        return pane;
    }

    /** Small controls in a row that wraps (checkboxes, buttons). */
    public static javafx.scene.layout.FlowPane row(List<? extends Node> controls) {
        javafx.scene.layout.FlowPane pane = new javafx.scene.layout.FlowPane(10, 6);
        pane.getChildren().addAll(controls);
        return pane;
    }

    public static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("title-4");
        label.setPadding(new Insets(8, 0, 2, 0));
        return label;
    }

    /** A sentence of explanation in plain words. */
    public static Label note(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.getStyleClass().add("text-muted");
        return label;
    }

    public static Label note(StringProperty text) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.getStyleClass().add("text-muted");
        return label;
    }

    public static FieldBinding byPath(List<FieldBinding> fields, String path) {
        return fields.stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + path));
    }
}
