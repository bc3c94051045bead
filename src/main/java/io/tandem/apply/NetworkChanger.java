package io.tandem.apply;

import io.tandem.plan.NetworkChange;
import io.tandem.plan.StepFailure;
import io.tandem.ssh.SshFailure;

/** Applies a network change on a node with commit-confirm. */
interface NetworkChanger {

    void change(SshRemote remote, NetworkChange change) throws SshFailure, StepFailure, InterruptedException;
}
