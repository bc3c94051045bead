package io.tandem.gui.wizard;

import io.tandem.model.Problem;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One form field bound to a JSON path of the draft: edits go into the draft, and the problems the
 * validator reports at that path come back as the field's message.
 */
public final class FieldBinding {

    public enum Kind { TEXT, NUMBER }

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
                } else {
                    wizard.draft().setText(path, now);
                }
                wizard.changed(path);
            }
        });
    }

    void reload(WizardViewModel wizard) {
        loading = true;
        value.set(wizard.draft().text(path));
        loading = false;
    }

    void showProblems(java.util.List<Problem> problems) {
        message.set(problems.stream().filter(p -> p.path().equals(path) || p.path().startsWith(path + "["))
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
