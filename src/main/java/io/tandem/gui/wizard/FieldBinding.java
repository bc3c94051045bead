package io.tandem.gui.wizard;

import io.tandem.model.Problem;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * One form field bound to a JSON path of the draft: edits go into the draft, and the problems the
 * validator reports at that path come back as the field's message.
 */
public final class FieldBinding {

    /** LIST: a JSON array of strings, edited as words separated by spaces. */
    public enum Kind { TEXT, NUMBER, LIST }

    private final String path;
    private final String label;
    private final Kind kind;
    private final StringProperty value = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private boolean loading;

    FieldBinding(WizardViewModel wizard, String path, String label, Kind kind) {
        this.path = path;
        this.label = label;
        this.kind = kind;
        reload(wizard);
        value.addListener((obs, old, now) -> {
            if (!loading) {
                if (kind == Kind.NUMBER) {
                    wizard.draft().setNumber(path, now);
                } else if (kind == Kind.LIST) {
                    wizard.draft().set(path, java.util.Arrays.stream(now.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList());
                } else {
                    wizard.draft().setText(path, now);
                }
                wizard.changed(path);
            }
        });
    }

    void reload(WizardViewModel wizard) {
        loading = true;
        if (kind == Kind.LIST) {
            List<String> words = new ArrayList<>();
            wizard.draft().get(path).forEach(item -> words.add(item.asText()));
            value.set(String.join(" ", words));
        } else {
            value.set(wizard.draft().text(path));
        }
        loading = false;
    }

    void showProblems(java.util.List<Problem> problems) {
        // An error (what holds the step back) before a warning at the same field.
        message.set(problems.stream().filter(p -> p.path().equals(path) || p.path().startsWith(path + "["))
                .sorted(java.util.Comparator.comparing(p -> !p.isError()))
                .map(p -> p.message() + " " + p.fix()).findFirst().orElse(""));
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public StringProperty value() {
        return value;
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }
}
