package io.tandem.apply;

import io.tandem.plan.Step;

import java.time.Duration;

/** What an apply run reports as it goes (the CLI prints it; the GUI will draw it). Called from worker threads. */
public interface ApplyListener {

    default void stepStarted(Step step) {
    }

    default void stepSkipped(Step step) {
    }

    default void stepDone(Step step, Duration took) {
    }

    default void stepFailed(Step step, ApplyFailure failure) {
    }

    default void progress(String host, String step, String message) {
    }

    /** A command ran on {@code host} for step {@code step}: as shown (secrets masked), with its exit status (null: no result). */
    default void command(String host, String step, String shown, Integer exit) {
    }

    /** One line a command printed as it ran, secrets masked. */
    default void output(String host, String step, String line) {
    }
}
