package io.tandem.render.initiator;

import io.tandem.model.Chap;
import io.tandem.model.Initiator;
import io.tandem.model.InitiatorSession;
import io.tandem.model.InitiatorTimeouts;
import io.tandem.model.Project;
import io.tandem.render.FileRenderer;
import io.tandem.render.Placement;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;
import io.tandem.render.IscsiWords;
import io.tandem.render.SecretNames;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code /etc/iscsi/iscsid.conf} settings: automatic login, CHAP (mutual and discovery when
 * configured), timeouts that ride through a failover, session parameters. Merged key by key
 * into the distribution's file; the order is the tutorial's.
 */
public final class IscsidConfRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        List<RenderedFile> files = new ArrayList<>();
        for (Initiator initiator : project.managedInitiators()) {
            files.add(new RenderedFile(initiator.name(), "/etc/iscsi/iscsid.conf", settings(project, initiator, secrets), 0600,
                    Placement.SETTINGS, "open-iscsi settings: automatic login, CHAP, failover timeouts and session parameters "
                    + "(mode 0600: it holds CHAP secrets)."));
        }
        return files;
    }

    static String settings(Project project, Initiator initiator, SecretBook secrets) {
        Chap chap = project.chap();
        InitiatorTimeouts t = initiator.timeouts();
        InitiatorSession s = initiator.session();
        StringBuilder out = new StringBuilder();
        line(out, "node.startup", "automatic");
        line(out, "node.conn[0].startup", "automatic");
        line(out, "node.session.auth.authmethod", "CHAP");
        line(out, "node.session.auth.username", chap.incoming().user());
        line(out, "node.session.auth.password", secrets.ref(SecretNames.CHAP_INCOMING, chap.incoming().secret()));
        if (chap.outgoing() != null) {
            line(out, "node.session.auth.username_in", chap.outgoing().user());
            line(out, "node.session.auth.password_in", secrets.ref(SecretNames.CHAP_OUTGOING, chap.outgoing().secret()));
        }
        if (chap.discovery() != null) {
            line(out, "discovery.sendtargets.auth.authmethod", "CHAP");
            line(out, "discovery.sendtargets.auth.username", chap.discovery().user());
            line(out, "discovery.sendtargets.auth.password", secrets.ref(SecretNames.CHAP_DISCOVERY, chap.discovery().secret()));
        }
        line(out, "node.session.timeo.replacement_timeout", t.replacementTimeout());
        line(out, "node.conn[0].timeo.login_timeout", t.loginTimeout());
        line(out, "node.conn[0].timeo.logout_timeout", t.logoutTimeout());
        line(out, "node.conn[0].timeo.noop_out_interval", t.noopOutInterval());
        line(out, "node.conn[0].timeo.noop_out_timeout", t.noopOutTimeout());
        line(out, "node.session.err_timeo.abort_timeout", t.abortTimeout());
        line(out, "node.session.err_timeo.lu_reset_timeout", t.luResetTimeout());
        line(out, "node.session.initial_login_retry_max", t.initialLoginRetryMax());
        line(out, "node.session.cmds_max", s.cmdsMax());
        line(out, "node.session.queue_depth", s.queueDepth());
        line(out, "node.session.iscsi.InitialR2T", IscsiWords.yesNo(s.initialR2T()));
        line(out, "node.session.iscsi.ImmediateData", IscsiWords.yesNo(s.immediateData()));
        line(out, "node.session.iscsi.FirstBurstLength", s.firstBurstLength());
        line(out, "node.session.iscsi.MaxBurstLength", s.maxBurstLength());
        line(out, "node.conn[0].iscsi.MaxRecvDataSegmentLength", s.maxRecvDataSegmentLength());
        line(out, "discovery.sendtargets.iscsi.MaxRecvDataSegmentLength", s.discoveryMaxRecvDataSegmentLength());
        line(out, "node.session.iscsi.FastAbort", IscsiWords.yesNo(s.fastAbort()));
        return out.toString();
    }

    private static void line(StringBuilder out, String key, Object value) {
        out.append(key).append(" = ").append(value).append('\n');
    }

}
