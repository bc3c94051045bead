package io.tandem.gui.wizard;

/** How a step shows in the navigator. */
public enum StepState {
    NOT_STARTED("not started"), CURRENT("current"), DONE("done"), HAS_PROBLEMS("has problems"), NEEDS_REVIEW("changed earlier: review");

    private final String words;

    StepState(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
