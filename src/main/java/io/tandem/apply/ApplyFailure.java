package io.tandem.apply;

import io.tandem.plan.Step;

/**
 * Why an apply stopped, for the operator: the step and host, what failed (the command's error,
 * masked), the state the host is in, and what to do next. Never a stack trace.
 */
public record ApplyFailure(Step step, String host, String what, String detail, String state, String next) {

    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("Apply stopped at \"").append(step.sentence()).append("\" on ").append(host).append(":\n  ").append(what).append('\n');
        if (!detail.isBlank()) {
            detail.lines().limit(20).forEach(l -> out.append("    | ").append(l).append('\n'));
        }
        out.append("State: ").append(state).append('\n');
        out.append("Next: ").append(next).append('\n');
        return out.toString();
    }
}
