package io.tandem.render.legacy;

import io.tandem.render.FileRenderer;
import io.tandem.render.initiator.FstabRenderer;
import io.tandem.render.initiator.InitiatorNameRenderer;
import io.tandem.render.initiator.IscsidConfRenderer;

import java.util.List;

/**
 * The 2009 tutorial's file set (Ubuntu 9.04, ifenslave, DRBD 8.3, Heartbeat, IET), laid out and
 * worded as the tutorial writes them, for audits of clusters built that way. Not deployed.
 */
public final class LegacyProfileRenderers {

    private LegacyProfileRenderers() {
    }

    public static List<FileRenderer> all() {
        return List.of(new ModprobeAliasesRenderer(), new LegacyInterfacesRenderer(), new LegacyHostsRenderer(),
                new LegacyDrbdConfRenderer(), new IetdConfRenderer(), new HaCfRenderer(), new AuthkeysRenderer(),
                new HaresourcesRenderer(), new InitiatorNameRenderer(), new IscsidConfRenderer(), new FstabRenderer());
    }
}
