package io.tandem.apply;

import java.time.Instant;

/**
 * One line of the apply journal. {@code command} is the command as shown (secrets masked),
 * {@code output} its output with every secret of the project masked, cut to a few KiB; probes'
 * outputs (which may hold whole configuration files) are never journaled.
 *
 * @param event run-start, step-start, command, step-skipped, step-done, step-failed, run-end
 */
public record JournalEntry(Instant time, String run, String event, String host, String step, String command, Integer exit,
                           String output) {

    public static JournalEntry of(String run, String event, String host, String step, String message) {
        return new JournalEntry(Instant.now(), run, event, host, step, null, null, message);
    }
}
