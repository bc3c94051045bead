package io.tandem.verify;

import io.tandem.model.Chap;
import io.tandem.model.Credentials;
import io.tandem.model.Initiator;
import io.tandem.model.InitiatorSession;
import io.tandem.model.InitiatorTimeouts;
import io.tandem.model.Iqn;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.IscsiWords;
import io.tandem.render.SecretPolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Each managed initiator's open-iscsi files read back as open-iscsi reads them
 * ({@link IscsidConfReader}) and compared with the project: every setting one open-iscsi knows,
 * CHAP in the right direction (the initiator's own name and secret, then the target's for mutual
 * CHAP, then discovery's), the failover timeouts and session parameters; and the initiator name
 * the target's ACL admits. Secrets are compared, never shown.
 */
public final class OpenIscsiFilesCheck implements ToolCheck {

    static final String TOOL = "open-iscsi reader";
    static final String ISCSID_CONF = "/etc/iscsi/iscsid.conf";
    static final String INITIATOR_NAME = "/etc/iscsi/initiatorname.iscsi";

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        List<CheckResult> results = new ArrayList<>();
        for (Initiator initiator : project.managedInitiators()) {
            files.find(initiator.name(), ISCSID_CONF).ifPresent(file -> {
                List<String> wrong = iscsidConfDifferences(project, initiator, IscsidConfReader.read(files.text(file, SecretPolicy.REVEAL)));
                results.add(wrong.isEmpty() ? CheckResult.pass(TOOL, initiator.name() + " " + ISCSID_CONF,
                        "CHAP, timeouts and session settings read back as the project says")
                        : CheckResult.fail(TOOL, initiator.name() + " " + ISCSID_CONF, String.join("; ", wrong)));
            });
            files.find(initiator.name(), INITIATOR_NAME).ifPresent(file -> {
                List<String> wrong = initiatorNameDifferences(initiator, files.text(file, SecretPolicy.REVEAL));
                results.add(wrong.isEmpty() ? CheckResult.pass(TOOL, initiator.name() + " " + INITIATOR_NAME, initiator.iqn())
                        : CheckResult.fail(TOOL, initiator.name() + " " + INITIATOR_NAME, String.join("; ", wrong)));
            });
        }
        return results;
    }

    /** What the settings read from iscsid.conf say differently from the project; messages name keys, never secrets. */
    static List<String> iscsidConfDifferences(Project project, Initiator initiator, Map<String, String> read) {
        List<String> wrong = new ArrayList<>();
        read.keySet().stream().filter(k -> !IscsidConfReader.KNOWN.contains(k))
                .forEach(k -> wrong.add(k + " is not an open-iscsi setting"));
        Map<String, Object> expected = expected(project.chap(), initiator.timeouts(), initiator.session());
        for (var e : expected.entrySet()) {
            String key = e.getKey();
            Object want = e.getValue();
            String got = read.get(key);
            if (want instanceof io.tandem.model.Secret secret) {
                if (got == null || !got.equals(secret.reveal())) {
                    wrong.add(key + " is not the project's " + secretName(key));
                }
            } else if (!Objects.equals(want == null ? null : want.toString(), got)) {
                wrong.add(key + ": read " + (got == null ? "nothing" : got) + ", the project says " + (want == null ? "nothing" : want));
            }
        }
        return wrong;
    }

    /** Each setting Tandem's iscsid.conf must hold, with its value; null: the setting must be absent. */
    static Map<String, Object> expected(Chap chap, InitiatorTimeouts t, InitiatorSession s) {
        Map<String, Object> e = new LinkedHashMap<>();
        // Logged in at boot, by iscsid, on every connection.
        e.put("node.startup", "automatic");
        e.put("node.conn[0].startup", "automatic");
        e.put("node.session.auth.authmethod", "CHAP");
        credentials(e, "node.session.auth.username", "node.session.auth.password", chap.incoming());
        credentials(e, "node.session.auth.username_in", "node.session.auth.password_in", chap.outgoing());
        e.put("discovery.sendtargets.auth.authmethod", chap.discovery() == null ? null : "CHAP");
        credentials(e, "discovery.sendtargets.auth.username", "discovery.sendtargets.auth.password", chap.discovery());
        e.put("node.session.timeo.replacement_timeout", t.replacementTimeout());
        e.put("node.conn[0].timeo.login_timeout", t.loginTimeout());
        e.put("node.conn[0].timeo.logout_timeout", t.logoutTimeout());
        e.put("node.conn[0].timeo.noop_out_interval", t.noopOutInterval());
        e.put("node.conn[0].timeo.noop_out_timeout", t.noopOutTimeout());
        e.put("node.session.err_timeo.abort_timeout", t.abortTimeout());
        e.put("node.session.err_timeo.lu_reset_timeout", t.luResetTimeout());
        e.put("node.session.initial_login_retry_max", t.initialLoginRetryMax());
        e.put("node.session.cmds_max", s.cmdsMax());
        e.put("node.session.queue_depth", s.queueDepth());
        e.put("node.session.iscsi.InitialR2T", IscsiWords.yesNo(s.initialR2T()));
        e.put("node.session.iscsi.ImmediateData", IscsiWords.yesNo(s.immediateData()));
        e.put("node.session.iscsi.FirstBurstLength", s.firstBurstLength());
        e.put("node.session.iscsi.MaxBurstLength", s.maxBurstLength());
        e.put("node.conn[0].iscsi.MaxRecvDataSegmentLength", s.maxRecvDataSegmentLength());
        e.put("discovery.sendtargets.iscsi.MaxRecvDataSegmentLength", s.discoveryMaxRecvDataSegmentLength());
        e.put("node.session.iscsi.FastAbort", IscsiWords.yesNo(s.fastAbort()));
        return e;
    }

    private static void credentials(Map<String, Object> expected, String userKey, String secretKey, Credentials credentials) {
        expected.put(userKey, credentials == null ? null : credentials.user());
        expected.put(secretKey, credentials == null ? null : credentials.secret());
    }

    private static String secretName(String key) {
        if (key.startsWith("discovery.")) {
            return "discovery CHAP secret";
        }
        return key.endsWith("_in") ? "mutual CHAP secret (the target's)" : "incoming CHAP secret (the initiator's)";
    }

    /** {@code InitiatorName=IQN} as iscsid reads it: the first such line, comments skipped. */
    static List<String> initiatorNameDifferences(Initiator initiator, String text) {
        String name = text.lines().map(String::strip).filter(l -> l.startsWith("InitiatorName="))
                .map(l -> l.substring("InitiatorName=".length()).strip()).findFirst().orElse(null);
        List<String> wrong = new ArrayList<>();
        if (name == null) {
            wrong.add("no InitiatorName= line");
        } else if (!name.equals(initiator.iqn())) {
            wrong.add("InitiatorName " + name + ", the project (and the target's ACL) says " + initiator.iqn());
        } else if (!Iqn.isValid(name)) {
            wrong.add(name + " is not a valid iSCSI qualified name");
        }
        return wrong;
    }
}
