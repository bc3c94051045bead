package io.tandem.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gathers problems during validation, with helpers for the checks every field needs. */
final class ProblemCollector {

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    void error(String path, String message, String fix) {
        problems.add(Problem.error(path, message, fix));
    }

    void warning(String path, String message, String fix) {
        problems.add(Problem.warning(path, message, fix));
    }

    /** A problem worded for the wizard too ({@link Problem#inWizard}). */
    void add(Problem problem) {
        problems.add(problem);
    }

    /** An error whose fix the wizard's user does differently (on a step, not in the file). */
    void error(String path, String message, String fix, String wizardFix) {
        problems.add(Problem.error(path, message, fix).inWizard(null, wizardFix));
    }

    void warning(String path, String message, String fix, String wizardFix) {
        problems.add(Problem.warning(path, message, fix).inWizard(null, wizardFix));
    }

    /** Checks {@code value} against a strict pattern; shows the offending value only if printable. */
    boolean pattern(String path, String value, ValuePatterns pattern) {
        if (pattern.matches(value)) {
            return true;
        }
        error(path, "'" + printable(value) + "' is not allowed here: it must be " + pattern.description() + ".",
                "Change it to " + pattern.description() + ".");
        return false;
    }

    /** The name of a node or initiator: a host name, and not the name the cluster-wide files go under. */
    boolean hostName(String path, String name) {
        if (!pattern(path, name, ValuePatterns.HOST_NAME)) {
            return false;
        }
        if (name.equals(Project.CLUSTER_WIDE)) {
            error(path, "'" + Project.CLUSTER_WIDE + "' is reserved: it names the cluster-wide files (the CIB and the pcs script), "
                    + "which the export puts in a folder of that name beside one folder per host.",
                    "Give this host another name, such as " + Project.CLUSTER_WIDE + "-node1.");
            return false;
        }
        return true;
    }

    /** Like {@link #pattern} but never echoes the value: for secrets. */
    boolean secretPattern(String path, Secret value) {
        if (ValuePatterns.SECRET.matches(value.reveal())) {
            return true;
        }
        error(path, "the secret contains characters that are not allowed: it must use only "
                + ValuePatterns.SECRET.description() + ".", "Choose a secret made of those characters.");
        return false;
    }

    void range(String path, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            error(path, value + " is out of range: it must be between " + min + " and " + max + unit + ".",
                    "Use a value from " + min + " to " + max + ".");
        }
    }

    /** Reports each value seen more than once, at the path of its second occurrence. */
    <T> void distinct(Map<T, String> seen, T value, String path, String what) {
        String first = seen.putIfAbsent(value, path);
        if (first != null) {
            error(path, what + " '" + value + "' is already used at " + first + ".", "Give each one a different " + what + ".");
        }
    }

    static <T> Map<T, String> seen() {
        return new HashMap<>();
    }

    /** Makes a hostile value visible in a message without reproducing control characters. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 32 || c == 127) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.length() > 60 ? out.substring(0, 60) + "…" : out.toString();
    }
}
