package io.tandem.apply;

import io.tandem.plan.NetworkChange;
import io.tandem.plan.StepFailure;
import io.tandem.ssh.ConnectionSettings;

import java.util.Map;

/** Network changes with commit-confirm (the node rolls itself back unless Tandem reconnects in time). */
final class CommitConfirmChanger implements NetworkChanger {

    private final Map<String, ConnectionSettings> settings;

    CommitConfirmChanger(Map<String, ConnectionSettings> settings) {
        this.settings = settings;
    }

    @Override
    public void change(SshRemote remote, NetworkChange change) throws StepFailure {
        throw new StepFailure("network changes are not wired yet", "");
    }
}
