package io.tandem.facts;

import java.util.List;

/**
 * The iSCSI target as the node's target software has it now, whichever software: whether the
 * target exists ({@code present}) and is enabled, the LUNs it exports, and the sessions logged in
 * to it (initiator name, session state where the software says one, the initiator's addresses).
 */
public record TargetState(boolean present, boolean enabled, List<Integer> luns, List<Session> sessions) {

    public TargetState {
        luns = List.copyOf(luns);
        sessions = List.copyOf(sessions);
    }

    public static final TargetState ABSENT = new TargetState(false, false, List.of(), List.of());

    public record Session(String initiator, String state, List<String> addresses) {
        public Session {
            addresses = List.copyOf(addresses);
        }
    }
}
