package io.tandem.testing;

import io.tandem.model.Problem;
import io.tandem.model.ProjectFileException;
import io.tandem.model.ProjectValidator;

import java.util.List;

/** Validation of an edited example, for the rule tests: the edit must still read as a project. */
public final class Validation {

    private Validation() {
    }

    public static List<Problem> validate(JsonEdit edit) {
        try {
            return ProjectValidator.validate(edit.project());
        } catch (ProjectFileException e) {
            throw new AssertionError("the edit should stay readable: " + e.problems(), e);
        }
    }

    public static Problem errorAt(List<Problem> problems, String path) {
        return problems.stream().filter(p -> p.isError() && p.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no error at " + path + " in " + problems));
    }
}
