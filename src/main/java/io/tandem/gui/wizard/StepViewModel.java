package io.tandem.gui.wizard;

import io.tandem.model.Problem;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;

/**
 * A wizard step's state: its fields (bound to draft paths), the JSON paths it is responsible
 * for, and whether it lets the user go on. Subclasses add what is not in the project file
 * (discovered facts, confirmations).
 */
public abstract class StepViewModel {

    protected final WizardViewModel wizard;
    private final String title;
    private final List<FieldBinding> fields = new ArrayList<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper blockers = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StepState> state = new ReadOnlyObjectWrapper<>(StepState.NOT_STARTED);
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper openable = new ReadOnlyBooleanWrapper(false);
    private boolean visited;

    protected StepViewModel(WizardViewModel wizard, String title) {
        this.wizard = wizard;
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** JSON path prefixes whose problems hold this step back. */
    protected abstract List<String> paths();

    /** Conditions outside the project file (facts, confirmations); empty when none is missing. */
    protected List<String> missing() {
        return List.of();
    }

    protected FieldBinding field(String path, String label) {
        FieldBinding field = new FieldBinding(wizard, path, label, FieldBinding.Kind.TEXT, revealed.getReadOnlyProperty());
        fields.add(field);
        return field;
    }

    protected FieldBinding number(String path, String label) {
        FieldBinding field = new FieldBinding(wizard, path, label, FieldBinding.Kind.NUMBER, revealed.getReadOnlyProperty());
        fields.add(field);
        return field;
    }

    /** A list of words (e.g. disk paths) edited as one line, separated by spaces. */
    protected FieldBinding list(String path, String label) {
        FieldBinding field = new FieldBinding(wizard, path, label, FieldBinding.Kind.LIST, revealed.getReadOnlyProperty());
        fields.add(field);
        return field;
    }

    /** For steps whose fields follow a list (initiators): drop them before building again. */
    protected void clearFields() {
        fields.clear();
    }

    public List<FieldBinding> fields() {
        return List.copyOf(fields);
    }

    /** A field of this step at {@code path} that holds nothing yet. */
    private boolean isEmptyField(String path) {
        return fields.stream().anyMatch(f -> f.path().equals(path) && f.value().get().isBlank());
    }

    /** The user tried to go on: every field's problem shows, also those of fields not visited yet. */
    public void revealProblems() {
        revealed.set(true);
    }

    public ReadOnlyBooleanProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** A new project: its fields start untouched, their problems quiet until visited. */
    void forgetTouches() {
        revealed.set(false);
        fields.forEach(f -> f.touchedProperty().set(false));
    }

    /** Called when the step is shown. */
    public void enter() {
        visited = true;
    }

    public boolean visited() {
        return visited;
    }

    /** The draft changed: refresh messages and validity. */
    void refresh(List<Problem> problems) {
        fields.forEach(f -> f.showProblems(problems, wizard.draft()));
        List<String> reasons = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (Problem p : problems) {
            if (p.isError() && owns(p.path())) {
                if (isEmptyField(p.path())) {
                    empty.add(ProblemWords.where(p.path(), wizard.draft()));
                } else {
                    reasons.add(ProblemWords.blocker(p, wizard.draft()));
                }
            }
        }
        if (!empty.isEmpty()) {
            // One calm line for what is simply not filled in yet; the fields say "Required" once visited.
            reasons.addFirst("Still to fill in: " + String.join(", ", empty) + ".");
        }
        reasons.addAll(missing());
        valid.set(reasons.isEmpty());
        blockers.set(String.join("\n", reasons));
    }

    /** Another project was started or opened: forget what belonged to the previous one (logins, reports). */
    protected void startedAfresh() {
    }

    /** Re-reads field values from the draft (after open, regenerate, discovery filling). */
    protected void reloadFields() {
        fields.forEach(f -> f.reload(wizard));
    }

    boolean owns(String path) {
        return paths().stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "["));
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }

    /** What keeps Next disabled, one reason a line. */
    public ReadOnlyStringProperty blockersProperty() {
        return blockers.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StepState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    void setState(StepState newState) {
        state.set(newState);
    }

    /** Whether the wizard would open this step now (see {@link WizardViewModel#canOpen}). */
    public ReadOnlyBooleanProperty openableProperty() {
        return openable.getReadOnlyProperty();
    }

    void setOpenable(boolean value) {
        openable.set(value);
    }
}
