package io.tandem.gui.wizard;

import io.tandem.model.ProjectDraft;

/** Starting points for a new project: safe defaults, with nothing that belongs to someone else's site. */
final class Templates {

    private Templates() {
    }

    /** Removes addresses, names and disks that the user must enter for their own servers. */
    static void clearSiteSpecificValues(ProjectDraft draft) {
        for (int n = 0; n < 2; n++) {
            draft.remove("$.nodes[" + n + "].ssh.address");
            for (int l = 0; l < draft.size("$.nodes[" + n + "].links"); l++) {
                draft.remove("$.nodes[" + n + "].links[" + l + "].address");
            }
        }
        draft.remove("$.networks.client.cidr");
        draft.remove("$.networks.client.gateway");
        draft.remove("$.networks.client.virtualIp");
        draft.remove("$.networks.replication.cidr");
        draft.set("$.domain", "example.com");
        for (int r = 0; r < draft.size("$.replication.resources"); r++) {
            for (int b = 0; b < draft.size("$.replication.resources[" + r + "].backing"); b++) {
                draft.remove("$.replication.resources[" + r + "].backing[" + b + "].disk");
            }
        }
        draft.remove("$.target.iqn");
        draft.set("$.initiators", java.util.List.of());
        draft.remove("$.time");
    }
}
