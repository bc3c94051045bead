package io.tandem.model;

import java.util.List;

/** The iSCSI target served on the virtual IP. */
public record Target(
        String iqn,
        TargetImplementation implementation,
        Integer portalPort,
        @OptionalField String alias,
        SessionParameters session,
        List<Lun> luns) {

    public Target {
        luns = luns == null ? null : List.copyOf(luns);
    }
}
