package io.tandem.model;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reports every required field that is missing or null, walking the record tree reflectively, so
 * a file with several gaps gets all of them named in one go (Jackson stops at the first).
 * Components marked {@link OptionalField} may be null.
 */
public final class RequiredFieldsCheck {

    private RequiredFieldsCheck() {
    }

    public static List<Problem> check(Object root) {
        List<Problem> problems = new ArrayList<>();
        walk(root, "$", problems);
        return problems;
    }

    private static void walk(Object value, String path, List<Problem> problems) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                String itemPath = path + "[" + i++ + "]";
                if (item == null) {
                    problems.add(Problem.error(itemPath, "an entry of this list is null.",
                            "Remove the null entry or write the object it stands for."));
                } else {
                    walk(item, itemPath, problems);
                }
            }
            return;
        }
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object child = read(component, value);
            String childPath = path + "." + component.getName();
            if (child == null) {
                if (!component.isAnnotationPresent(OptionalField.class)) {
                    // The CLI reads a file; the wizard shows this under the empty field itself, where "required" says it all.
                    problems.add(Problem.error(childPath, "'" + component.getName() + "' is required but missing.",
                            "Fill it in (in a project file: add \"" + component.getName() + "\"; examples/ has complete projects).").inWizard("required.", ""));
                }
            } else {
                walk(child, childPath, problems);
            }
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
