package io.tandem.apply;

import io.tandem.plan.StepFailure;
import io.tandem.ssh.ConnectionSettings;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A plan's network change run through {@link NetworkCommit}: the node rolls itself back unless Tandem reconnects in time. */
final class CommitConfirmChanger implements NetworkChanger {

    private final Map<String, ConnectionSettings> settings;

    CommitConfirmChanger(Map<String, ConnectionSettings> settings) {
        this.settings = settings;
    }

    @Override
    public void change(SshRemote remote, io.tandem.plan.NetworkChange planned) throws StepFailure, InterruptedException {
        ConnectionSettings same = settings.get(remote.host());
        NetworkChange change = NetworkChange.of(NetworkChange.newId(),
                        planned.files().stream().map(f -> new NetworkFile(f.path(), f.content().getBytes(StandardCharsets.UTF_8), f.mode())).toList(),
                        planned.activate(), planned.reactivate())
                .withCheck(planned.check()).withWindow(planned.window());
        NetworkCommitResult result = new NetworkCommit(phase -> remote.progress("network: " + phase.name().toLowerCase().replace('_', ' ')))
                .apply(remote.connection(), change, same, same);
        if (!result.committed()) {
            throw new StepFailure(result.message(), "");
        }
        remote.progress("network: committed (" + result.elapsed().toSeconds() + " s)");
    }
}
