package io.tandem.apply;

import io.tandem.plan.Step;
import io.tandem.ssh.SshFailure;

/**
 * How the runner tells whether a step is done, right before it and right after its actions. Over
 * SSH the step's own probes decide ({@link ProbeChecks}); the demo's simulated hosts cannot run
 * probe scripts, so they remember which steps ran ({@link SimulatedCluster}).
 */
interface StepChecks {

    boolean done(Step step) throws SshFailure;

    /** The step's actions all ran without failing (before its check is asked again). */
    default void ran(Step step) {
    }
}
