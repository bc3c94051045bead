package io.tandem.discovery;

import io.tandem.facts.AptPolicy;
import io.tandem.model.Iqn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a discovered client can use the target: OS, open-iscsi, its initiator name, time. A
 * client that already has an initiator name keeps it: other targets may admit it by that name.
 */
public final class InitiatorReport {

    private InitiatorReport() {
    }

    public static List<Check> forClient(HostFacts facts) {
        String scope = facts.hostname().isEmpty() ? facts.target() : facts.hostname();
        List<Check> checks = new ArrayList<>();
        checks.add(CompatibilityReport.operatingSystem(scope, facts));
        checks.add(openIscsi(scope, facts));
        checks.add(initiatorName(scope, facts));
        checks.add(CompatibilityReport.time(scope, facts));
        if (!facts.unavailable().isEmpty()) {
            checks.add(Check.warning(scope, "facts", "could not read: " + String.join(", ", facts.unavailable().keySet()),
                    "See the details; the checks that need these facts may be incomplete."));
        }
        return checks;
    }

    /** The name the client should use: its own when it has a valid one. */
    public static Optional<String> keptName(HostFacts facts) {
        return facts.initiatorName().filter(Iqn::isValid);
    }

    private static Check openIscsi(String scope, HostFacts facts) {
        String installed = facts.packages().get("open-iscsi");
        if (installed != null) {
            return Check.pass(scope, "open-iscsi", "installed (" + installed + ")");
        }
        boolean available = Optional.ofNullable(facts.packageCandidates().get("open-iscsi")).map(AptPolicy::isAvailable).orElse(false);
        return available ? Check.pass(scope, "open-iscsi", "not installed yet; Tandem installs it")
                : Check.fail(scope, "open-iscsi", "neither installed nor available from apt",
                "Enable the distribution's main repository (open-iscsi is in main on Debian and Ubuntu).");
    }

    private static Check initiatorName(String scope, HostFacts facts) {
        if (facts.initiatorName().isEmpty()) {
            return Check.pass(scope, "initiator name", "none yet; Tandem writes the one shown");
        }
        String name = facts.initiatorName().get();
        return Iqn.isValid(name) ? Check.pass(scope, "initiator name", "keeps its own: " + name)
                : Check.warning(scope, "initiator name", "its current name '" + name + "' is not a valid IQN (" + Iqn.explain(name) + ")",
                "Tandem writes a new name; targets that admit this client by its old name will then refuse it.");
    }
}
