package io.tandem.gui.apply;

import io.tandem.plan.Step;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One step of the apply as the apply screen lists it: what, where, its state and how long it took. */
public final class StepRow {

    /** A step's state in words a first-time user reads. */
    public enum State {
        WAITING("waiting"), RUNNING("running"), DONE("done"), SKIPPED("skipped: already done"), FAILED("failed");

        private final String words;

        State(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public boolean finished() {
            return this == DONE || this == SKIPPED;
        }
    }

    private final Step step;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.WAITING);
    private final StringProperty duration = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    long startedNanos;

    StepRow(Step step) {
        this.step = step;
    }

    public Step step() {
        return step;
    }

    public String id() {
        return step.id();
    }

    public String host() {
        return step.hostLabel();
    }

    public String sentence() {
        return step.sentence();
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    public StringProperty durationProperty() {
        return duration;
    }

    /** The last progress of a long step ("packages 12/36", "r0 43 %"). */
    public StringProperty noteProperty() {
        return note;
    }

    @Override
    public String toString() {
        return step.id() + " " + state.get().words();
    }
}
