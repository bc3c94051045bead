package io.tandem.model;

import java.util.Map;

/** The client machines that log in to the target. */
final class InitiatorRules {

    private InitiatorRules() {
    }

    static void check(Project project, ProblemCollector problems) {
        Map<String, String> names = ProblemCollector.seen();
        Map<String, String> iqns = ProblemCollector.seen();
        project.nodes().forEach(n -> names.put(n.name(), "$.nodes"));
        for (int i = 0; i < project.initiators().size(); i++) {
            Initiator initiator = project.initiators().get(i);
            String path = "$.initiators[" + i + "]";
            if (problems.hostName(path + ".name", initiator.name())) {
                problems.distinct(names, initiator.name(), path + ".name", "host name");
            }
            if (initiator.managed()) {
                NetworkRules.ssh(path + ".ssh", initiator.ssh(), problems);
                if (initiator.os() == OperatingSystem.OTHER) {
                    problems.error(path + ".os", "Tandem sets up only Debian and Ubuntu clients over SSH.",
                            "Choose the client's release, or remove \"ssh\" to set this client up by hand.",
                            "Remove this initiator and add it again as one set up by hand.");
                }
            } else if (initiator.filesystem() != null) {
                problems.error(path + ".filesystem", "Tandem cannot make a filesystem on a client it does not log in to.",
                        "Remove \"filesystem\", or add \"ssh\" so Tandem sets the client up.",
                        "Remove this initiator and add it again as a client Tandem sets up (SSH).");
            }
            TargetRules.iqn(path + ".iqn", initiator.iqn(), problems);
            if (Iqn.isValid(initiator.iqn())) {
                problems.distinct(iqns, initiator.iqn(), path + ".iqn", "initiator name (IQN)");
                if (initiator.iqn().equals(project.target().iqn())) {
                    problems.error(path + ".iqn", "the initiator uses the target's IQN.", "Give each initiator its own IQN.");
                }
            }
            if (project.profile() == Profile.MODERN && initiator.os() == OperatingSystem.UBUNTU_9_04) {
                problems.error(path + ".os", "Ubuntu 9.04 is only supported by the legacy export profile.",
                        "Use debian-12, ubuntu-22.04 or ubuntu-24.04.");
            }
            checkTimeouts(project, initiator.timeouts(), path + ".timeouts", problems);
            checkSession(initiator.session(), path + ".session", problems);
            if (initiator.filesystem() != null) {
                FilesystemRules.check(path + ".filesystem", initiator.filesystem(), problems);
                Integer lun = initiator.filesystem().lun();
                if (lun != null && project.target().luns().stream().noneMatch(l -> lun.equals(l.number()))) {
                    problems.error(path + ".filesystem.lun", "the target has no LUN " + lun + ".",
                            "Name one of the LUN numbers in $.target.luns, or remove \"lun\" to use the first.");
                }
            }
        }
        if (project.profile() == Profile.MODERN && project.initiators().isEmpty()) {
            problems.error("$.initiators", "no initiator is listed; with LIO the target only enforces CHAP for listed initiators.",
                    "Add the clients that will use the storage, with their IQNs.");
        }
    }

    private static void checkTimeouts(Project project, InitiatorTimeouts t, String path, ProblemCollector problems) {
        problems.range(path + ".replacementTimeout", t.replacementTimeout(), 0, 86400, " s");
        problems.range(path + ".loginTimeout", t.loginTimeout(), 1, 3600, " s");
        problems.range(path + ".logoutTimeout", t.logoutTimeout(), 1, 3600, " s");
        problems.range(path + ".noopOutInterval", t.noopOutInterval(), 0, 3600, " s");
        problems.range(path + ".noopOutTimeout", t.noopOutTimeout(), 0, 3600, " s");
        problems.range(path + ".abortTimeout", t.abortTimeout(), 1, 3600, " s");
        problems.range(path + ".luResetTimeout", t.luResetTimeout(), 1, 3600, " s");
        problems.range(path + ".initialLoginRetryMax", t.initialLoginRetryMax(), 1, 1000, "");
        // A failover takes the token timeout plus promotion and target start; applications see
        // I/O errors once the session is down longer than replacement_timeout.
        int failoverSeconds = FailoverEstimate.seconds(project.cluster());
        if (project.profile() == Profile.MODERN && t.replacementTimeout() < failoverSeconds) {
            problems.warning(path + ".replacementTimeout", "a failover can take up to about " + failoverSeconds + " s; with a "
                    + "replacement timeout of " + t.replacementTimeout() + " s applications would see I/O errors instead of a pause.",
                    "Set replacementTimeout to " + failoverSeconds + " or more.", "Set it to " + failoverSeconds + " s or more.");
        }
    }

    private static void checkSession(InitiatorSession s, String path, ProblemCollector problems) {
        problems.range(path + ".cmdsMax", s.cmdsMax(), 2, 2048, "");
        problems.range(path + ".queueDepth", s.queueDepth(), 1, 1024, "");
        problems.range(path + ".firstBurstLength", s.firstBurstLength(), 512, 16777215, " bytes");
        problems.range(path + ".maxBurstLength", s.maxBurstLength(), 512, 16777215, " bytes");
        problems.range(path + ".maxRecvDataSegmentLength", s.maxRecvDataSegmentLength(), 512, 16777215, " bytes");
        problems.range(path + ".discoveryMaxRecvDataSegmentLength", s.discoveryMaxRecvDataSegmentLength(), 512, 16777215, " bytes");
    }
}
