package io.tandem.plan;

import io.tandem.ssh.SshFailure;

/**
 * One thing a step does on one host. {@code display} is what the plan shows and the journal keeps
 * (secrets masked: it is built from masked text only); {@code task} does it through a {@link Remote}.
 */
public record Action(String host, String display, Task task) {

    @FunctionalInterface
    public interface Task {
        void run(Remote remote) throws SshFailure, StepFailure, InterruptedException;
    }
}
