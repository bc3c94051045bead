package io.tandem.render.modern;

import io.tandem.render.FileRenderer;
import io.tandem.render.initiator.FstabRenderer;
import io.tandem.render.initiator.InitiatorNameRenderer;
import io.tandem.render.initiator.IscsidConfRenderer;

import java.util.List;

/** The files of the modern profile: Corosync/Pacemaker (and sbd), DRBD, LIO or tgt (and Tandem's LIO agent), open-iscsi. */
public final class ModernProfileRenderers {

    private ModernProfileRenderers() {
    }

    public static List<FileRenderer> all() {
        return List.of(new IfupdownRenderer(), new NetplanRenderer(), new HostsRenderer(), new ChronyRenderer(),
                new ModulesLoadRenderer(), new SysctlRenderer(), new SbdConfigRenderer(), new PartitionTableRenderer(), new DrbdResourceRenderer(), new FencePeerHandlerRenderer(), new Drbd84AgentRenderer(), new ReplicationFallback.Files(),
                new CorosyncRenderer(), new QdeviceStartRenderer(), new PortblockAgentRenderer(), new CibRenderer(), new LioAgentRenderer(), new TgtMutualChapAgentRenderer(), new VirtualIpAgentRenderer(),
                new PcsScriptRenderer(), new InitiatorNameRenderer(), new IscsidConfRenderer(), new FstabRenderer());
    }
}
