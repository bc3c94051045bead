package io.tandem.gui.wizard;

import io.tandem.model.Problem;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * One form field bound to a JSON path of the draft: edits go into the draft, and the problems the
 * validator reports at that path come back as the field's message, in the wizard's words.
 *
 * <p>An empty field's problem ("Required") waits until the user has been in the field or tried to
 * go on ({@link StepViewModel#revealProblems()}): a form is not a list of errors before anyone typed.
 */
public final class FieldBinding {

    /** LIST: a JSON array of strings, edited as words separated by spaces. */
    public enum Kind { TEXT, NUMBER, LIST }

    private final String path;
    private final String label;
    private final Kind kind;
    private final StringProperty value = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty touched = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanProperty revealed;
    private String problem = "";
    private boolean loading;

    FieldBinding(WizardViewModel wizard, String path, String label, Kind kind, ReadOnlyBooleanProperty revealed) {
        this.path = path;
        this.label = label;
        this.kind = kind;
        this.revealed = revealed;
        reload(wizard);
        touched.addListener((obs, old, now) -> updateMessage());
        revealed.addListener((obs, old, now) -> updateMessage());
        value.addListener((obs, old, now) -> updateMessage());
        value.addListener((obs, old, now) -> {
            if (!loading) {
                if (kind == Kind.NUMBER) {
                    wizard.draft().setNumber(path, now);
                } else if (kind == Kind.LIST) {
                    wizard.draft().set(path, java.util.Arrays.stream(now.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList());
                } else {
                    wizard.draft().setText(path, now);
                }
                touched.set(true); // the user typed here: its problems are news now
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

    void showProblems(java.util.List<Problem> problems, io.tandem.model.ProjectDraft draft) {
        // An error (what holds the step back) before a warning at the same field.
        problem = problems.stream().filter(p -> p.path().equals(path) || p.path().startsWith(path + "["))
                .sorted(java.util.Comparator.comparing(p -> !p.isError()))
                .map(p -> ProblemWords.atField(p, draft)).findFirst().orElse("");
        updateMessage();
    }

    private void updateMessage() {
        message.set(touched.get() || revealed.get() || !value.get().isBlank() ? problem : "");
    }

    /** Set when the user has been in the field (the View calls it when focus leaves); cleared for a new project. */
    public BooleanProperty touchedProperty() {
        return touched;
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
