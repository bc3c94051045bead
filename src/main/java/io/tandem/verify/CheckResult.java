package io.tandem.verify;

/** The verdict of one real tool on one generated file. */
public record CheckResult(String tool, String subject, Outcome outcome, String detail) {

    public enum Outcome { PASS, FAIL, SKIPPED }

    public static CheckResult pass(String tool, String subject, String detail) {
        return new CheckResult(tool, subject, Outcome.PASS, detail);
    }

    public static CheckResult fail(String tool, String subject, String detail) {
        return new CheckResult(tool, subject, Outcome.FAIL, detail);
    }

    public static CheckResult skipped(String tool, String subject, String detail) {
        return new CheckResult(tool, subject, Outcome.SKIPPED, detail);
    }

    public String describe() {
        return outcome.name().toLowerCase() + "  " + tool + "  " + subject + (detail.isEmpty() ? "" : ": " + detail);
    }
}
