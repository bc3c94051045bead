package io.tandem.discovery;

/** One line of a compatibility report: pass, warning or fail, why, and what to do. */
public record Check(String scope, String title, Status status, String reason, String fix) {

    public enum Status { PASS, WARNING, FAIL }

    static Check pass(String scope, String title, String reason) {
        return new Check(scope, title, Status.PASS, reason, "");
    }

    static Check warning(String scope, String title, String reason, String fix) {
        return new Check(scope, title, Status.WARNING, reason, fix);
    }

    static Check fail(String scope, String title, String reason, String fix) {
        return new Check(scope, title, Status.FAIL, reason, fix);
    }

    public String describe() {
        return String.format("%-7s %-8s %-28s %s%s", status.name().toLowerCase(), scope, title, reason,
                fix.isEmpty() ? "" : " Fix: " + fix);
    }
}
