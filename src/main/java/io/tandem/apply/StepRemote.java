package io.tandem.apply;

import io.tandem.plan.Remote;

/** A host as the runner drives it: a {@link Remote} that is told which step its commands belong to (for the journal). */
interface StepRemote extends Remote {

    void step(String id);
}
