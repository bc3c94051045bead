package io.tandem.gui.steps;

import io.tandem.gui.form.Form;
import io.tandem.gui.wizard.FieldBinding;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DRBD rate ("400M") as a number and its unit chosen beside it ("400" "MiB/s"). DRBD reads a
 * rate in KiB/s unless it ends in K, M or G; the box says which, so nobody types 400 meaning MiB/s.
 */
final class RateField {

    private static final Pattern RATE = Pattern.compile("(\\d*)([KMG]?)");
    static final String KIB = "KiB/s";
    static final String MIB = "MiB/s";
    static final String GIB = "GiB/s";

    private RateField() {
    }

    static VBox of(FieldBinding binding) {
        TextField number = new TextField();
        number.setPrefColumnCount(6);
        number.setAccessibleText(binding.label() + ", number");
        ComboBox<String> unit = new ComboBox<>();
        unit.getItems().addAll(KIB, MIB, GIB);
        unit.setId(Form.id(binding) + "-unit");
        unit.setAccessibleText(binding.label() + ", unit");
        boolean[] syncing = {false};
        Runnable fromDraft = () -> {
            syncing[0] = true;
            Matcher m = RATE.matcher(binding.value().get().strip());
            if (m.matches()) {
                number.setText(m.group(1));
                unit.setValue(unitOf(m.group(2)));
            } else {
                number.setText(binding.value().get()); // not a rate: shown as typed, the field's message says why
                unit.setValue(MIB);
            }
            syncing[0] = false;
        };
        fromDraft.run();
        binding.value().addListener((obs, old, now) -> fromDraft.run());
        Runnable toDraft = () -> {
            if (!syncing[0]) {
                binding.value().set(number.getText().strip() + suffixOf(unit.getValue()));
            }
        };
        number.textProperty().addListener((obs, old, now) -> toDraft.run());
        unit.valueProperty().addListener((obs, old, now) -> toDraft.run());
        return Form.withUnit(binding, number, unit);
    }

    static String unitOf(String suffix) {
        return switch (suffix) {
            case "M" -> MIB;
            case "G" -> GIB;
            default -> KIB; // "K" or none: DRBD's own unit
        };
    }

    static String suffixOf(String unit) {
        return unit == null ? "M" : switch (unit) {
            case KIB -> "K";
            case GIB -> "G";
            default -> "M";
        };
    }
}
