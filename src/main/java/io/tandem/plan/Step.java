package io.tandem.plan;

import java.util.List;
import java.util.Optional;

/**
 * One unit of apply: what it does in plain words, on which hosts, how to tell it is already done,
 * the actions, how it can be undone, and — for a step that destroys data — the device.
 *
 * @param id       stable across runs (the journal and resume refer to it), e.g. {@code file:node1:/etc/hosts}
 * @param changes  the file diffs it writes (masked), for the plan's display
 * @param destroys the device whose contents this step overwrites; apply needs its typed confirmation
 */
public record Step(String id, Phase phase, List<String> hosts, String sentence, Check check, List<Action> actions,
                   String undo, Optional<String> destroys, List<FileChange> changes) {

    public Step {
        hosts = List.copyOf(hosts);
        actions = List.copyOf(actions);
        changes = List.copyOf(changes);
    }

    public static Step on(String host, Phase phase, String id, String sentence, Check check, String undo, Action... actions) {
        return new Step(id, phase, List.of(host), sentence, check, List.of(actions), undo, Optional.empty(), List.of());
    }

    public Step destroying(String device) {
        return new Step(id, phase, hosts, sentence, check, actions, undo, Optional.of(device), changes);
    }


    public boolean onOneHost() {
        return hosts.size() == 1;
    }

    /** The host of a one-host step, or the hosts joined. */
    public String hostLabel() {
        return String.join(", ", hosts);
    }

    @Override
    public String toString() {
        return "Step[" + id + "]";
    }
}
