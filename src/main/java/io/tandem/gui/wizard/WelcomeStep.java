package io.tandem.gui.wizard;

import java.util.List;

/** Step 1: a new project, an existing one, or the demo cluster. */
public final class WelcomeStep extends StepViewModel {

    WelcomeStep(WizardViewModel wizard) {
        super(wizard, "Welcome");
    }

    @Override
    protected List<String> paths() {
        return List.of();
    }

    @Override
    protected List<String> missing() {
        return wizard.startedProperty().get() ? List.of() : List.of("Choose: a new project, an existing one, or the demo cluster.");
    }
}
