package io.tandem.model;

import java.util.Map;

/** The target, its LUNs, session parameters and CHAP. */
final class TargetRules {

    private TargetRules() {
    }

    static void check(Project project, ProblemCollector problems) {
        Target target = project.target();
        iqn("$.target.iqn", target.iqn(), problems);
        problems.range("$.target.portalPort", target.portalPort(), 1, 65535, "");
        if (target.alias() != null) {
            problems.pattern("$.target.alias", target.alias(), ValuePatterns.ALIAS);
        }
        checkSession(project, target.session(), problems);
        checkLuns(project, problems);
        checkChap(project, problems);
    }

    static void iqn(String path, String iqn, ProblemCollector problems) {
        if (!Iqn.isValid(iqn)) {
            problems.error(path, "'" + ProblemCollector.printable(iqn) + "' is not a valid iSCSI name: " + Iqn.explain(iqn) + ".",
                    "Write it like iqn.2024-01.com.example:storage (year-month, reversed domain, ':' and a name).");
        }
    }

    private static void checkSession(Project project, SessionParameters s, ProblemCollector problems) {
        String path = "$.target.session";
        problems.range(path + ".maxConnections", s.maxConnections(), 1, 65535, "");
        problems.range(path + ".maxRecvDataSegmentLength", s.maxRecvDataSegmentLength(), 512, 16777215, " bytes");
        problems.range(path + ".maxXmitDataSegmentLength", s.maxXmitDataSegmentLength(), 512, 16777215, " bytes");
        problems.range(path + ".maxBurstLength", s.maxBurstLength(), 512, 16777215, " bytes");
        problems.range(path + ".firstBurstLength", s.firstBurstLength(), 512, 16777215, " bytes");
        if (s.firstBurstLength() > s.maxBurstLength()) {
            problems.error(path + ".firstBurstLength", "FirstBurstLength is larger than MaxBurstLength.",
                    "Make FirstBurstLength at most " + s.maxBurstLength() + ".");
        }
        problems.range(path + ".defaultTime2Wait", s.defaultTime2Wait(), 0, 3600, " s");
        problems.range(path + ".defaultTime2Retain", s.defaultTime2Retain(), 0, 3600, " s");
        problems.range(path + ".maxOutstandingR2T", s.maxOutstandingR2T(), 1, 65535, "");
        problems.range(path + ".errorRecoveryLevel", s.errorRecoveryLevel(), 0, 2, "");
        problems.pattern(path + ".headerDigest", s.headerDigest(), ValuePatterns.DIGEST);
        problems.pattern(path + ".dataDigest", s.dataDigest(), ValuePatterns.DIGEST);
        if (s.wthreads() != null) {
            problems.range(path + ".wthreads", s.wthreads(), 1, 128, "");
            if (project.profile() == Profile.MODERN) {
                problems.warning(path + ".wthreads", "Wthreads is an IET setting; LIO and tgt ignore it.", "Remove \"wthreads\".");
            }
        }
    }

    private static void checkLuns(Project project, ProblemCollector problems) {
        Target target = project.target();
        if (target.luns().isEmpty()) {
            problems.error("$.target.luns", "the target has no LUN, so initiators would see no disk.", "Add a LUN backed by a DRBD resource.");
        }
        Map<Integer, String> numbers = ProblemCollector.seen();
        Map<String, String> resources = ProblemCollector.seen();
        Map<String, String> serials = ProblemCollector.seen();
        for (int i = 0; i < target.luns().size(); i++) {
            Lun lun = target.luns().get(i);
            String path = "$.target.luns[" + i + "]";
            problems.range(path + ".number", lun.number(), 0, 255, "");
            if (lun.number() == 0 && project.profile() == Profile.MODERN && target.implementation() == TargetImplementation.TGT) {
                problems.error(path + ".number", "tgt reserves LUN 0 for its controller, so a disk cannot be LUN 0.",
                        "Number the LUNs from 1 when the implementation is tgt.");
            }
            problems.distinct(numbers, lun.number(), path + ".number", "LUN number");
            var resource = project.resource(lun.resource());
            if (resource.isEmpty()) {
                problems.error(path + ".resource", "there is no DRBD resource named '" + ProblemCollector.printable(lun.resource()) + "'.",
                        "Name a resource from $.replication.resources.");
            } else {
                problems.distinct(resources, lun.resource(), path + ".resource", "resource");
                if (resource.get().purpose() != ResourcePurpose.LUN) {
                    problems.error(path + ".resource", "resource '" + lun.resource() + "' holds a filesystem, not a LUN.",
                            "Use a resource whose purpose is \"lun\".");
                }
            }
            if (lun.serial() != null) {
                if (problems.pattern(path + ".serial", lun.serial(), ValuePatterns.SERIAL)) {
                    problems.distinct(serials, lun.serial(), path + ".serial", "serial number");
                }
            } else if (project.profile() == Profile.MODERN) {
                problems.error(path + ".serial", "the LUN has no serial number; without one both nodes may present "
                        + "different disk identities and multipath or the initiator gets confused after a failover.",
                        "Add \"serial\": a unique string of 4 to 20 letters and digits.");
            }
            if (lun.productId() != null) {
                problems.pattern(path + ".productId", lun.productId(), ValuePatterns.PRODUCT_ID);
            }
        }
    }

    private static void checkChap(Project project, ProblemCollector problems) {
        Chap chap = project.chap();
        credentials(project, "$.chap.incoming", chap.incoming(), problems);
        if (chap.outgoing() != null) {
            credentials(project, "$.chap.outgoing", chap.outgoing(), problems);
            if (chap.outgoing().secret().equals(chap.incoming().secret())) {
                problems.error("$.chap.outgoing.secret", "the outgoing (mutual) CHAP secret equals the incoming one, "
                        + "which lets an impostor target replay the initiator's answer.", "Use two different secrets.");
            }
        }
        if (chap.discovery() != null) {
            credentials(project, "$.chap.discovery", chap.discovery(), problems);
        }
        if (project.profile() == Profile.MODERN) {
            checkChapForImplementation(project, chap, problems);
        }
    }

    /**
     * What each target implementation can set. lio (Tandem's LioTarget agent): everything. tgt: the
     * stock iSCSITarget agent sets the incoming account and Tandem's TgtMutualChap the outgoing one;
     * tgt has no discovery authentication at all (its SendTargets answers anyone). lio-t: the stock
     * agent's one incoming user per ACL, nothing else.
     */
    private static void checkChapForImplementation(Project project, Chap chap, ProblemCollector problems) {
        TargetImplementation implementation = project.target().implementation();
        String name = "implementation \"" + implementation.agentName() + "\"";
        if (implementation == TargetImplementation.LIO_T && chap.outgoing() != null) {
            problems.error("$.chap.outgoing", "mutual CHAP is not configured by the stock iSCSITarget resource agent that " + name
                    + " uses, so initiators set up for it could not log in.",
                    "Choose implementation \"lio\" (Tandem's LIO agent, which sets mutual CHAP), or remove \"outgoing\".",
                    "Choose the implementation LIO (recommended): it sets mutual CHAP.");
        }
        if (implementation == TargetImplementation.TGT && chap.outgoing() != null
                && chap.outgoing().user().equals(chap.incoming().user())) {
            problems.error("$.chap.outgoing.user", "tgt keeps one account per user name for both directions, so the outgoing (mutual) "
                    + "CHAP user cannot also be the incoming user '" + ProblemCollector.printable(chap.incoming().user()) + "'.",
                    "Give the outgoing user another name (for example the target's host name).");
        }
        if (chap.discovery() != null && implementation != TargetImplementation.LIO) {
            String why = implementation == TargetImplementation.TGT
                    ? "tgt has no discovery authentication: it lists its targets to anyone who asks"
                    : "discovery CHAP is not configured by the stock iSCSITarget resource agent that " + name + " uses";
            problems.error("$.chap.discovery", why + ".",
                    "Choose implementation \"lio\" (Tandem's LIO agent, which sets discovery CHAP), or remove \"discovery\".",
                    "Choose the implementation LIO (recommended): it sets discovery CHAP.");
        }
    }

    private static void credentials(Project project, String path, Credentials c, ProblemCollector problems) {
        problems.pattern(path + ".user", c.user(), ValuePatterns.CHAP_USER);
        if (!problems.secretPattern(path + ".secret", c.secret())) {
            return;
        }
        int length = c.secret().length();
        if (length < 12 || length > 16) {
            String message = "the CHAP secret has " + length + " characters; LIO, IET and the Windows initiator all accept 12 to 16.";
            String fix = "Use a secret of 12 to 16 characters (Tandem generates one for new projects).";
            if (project.profile() == Profile.MODERN) {
                problems.error(path + ".secret", message, fix);
            } else {
                problems.warning(path + ".secret", message, fix);
            }
        }
    }
}
