package io.tandem.failover;

import io.tandem.model.Project;
import io.tandem.monitor.Assessment;
import io.tandem.monitor.ClusterSnapshot;
import io.tandem.monitor.Finding;
import io.tandem.monitor.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a failover test may start: the cluster healthy and in sync, the storage served, and for
 * a crash, fencing on. Standing risks that do not change the test's outcome (clocks apart: the test
 * aligns them; no fencing for the tests that do not kill a node; a replacement timeout the test will
 * put to the proof) are told but do not refuse.
 */
public final class Readiness {

    /** Findings that leave a test meaningful and safe. */
    private static final Set<String> TOLERATED = Set.of("clock.offset", "clock.skew", "client.replacement-timeout", "bond.past-failures",
            "bond.back-on-primary", "fencing.none");

    private Readiness() {
    }

    /** Why the test must not run now; empty when it may. */
    public static List<String> refusals(Project project, Scenario scenario, ClusterSnapshot snapshot, Assessment assessment) {
        List<String> refusals = new ArrayList<>();
        for (Finding f : assessment.findings()) {
            boolean tolerated = f.severity() == Verdict.HEALTHY || TOLERATED.contains(f.code());
            if (f.code().equals("fencing.none") && scenario == Scenario.CRASH_ACTIVE) {
                refusals.add("No fencing is configured. A crash test without fencing proves nothing safe: the surviving node would take over "
                        + "without knowing the other is dead, which with a cut network means two nodes serving and split data. Configure "
                        + "fencing (SBD or a fence device) first.");
            } else if (!tolerated) {
                refusals.add(f.reason() + " (" + f.fix() + ")");
            }
        }
        if (snapshot.serving().isEmpty() && refusals.isEmpty()) {
            refusals.add("The storage is not served by either node: there is nothing to fail over. Start the cluster's resources first.");
        }
        if (!snapshot.drbd().stream().allMatch(ClusterSnapshot.DrbdLine::healthy) && refusals.isEmpty()) {
            refusals.add("Not every DRBD device is connected and UpToDate on both nodes: a failover now could serve an older copy. Wait "
                    + "for the resync to finish.");
        }
        if (tester(project).isEmpty()) {
            refusals.add("No managed initiator has a filesystem Tandem mounted: the test writes its probe file into one (never onto a raw "
                    + "disk). Give an initiator with SSH a \"filesystem\" in the project, apply, and test again.");
        }
        return refusals;
    }

    /** The initiator whose filesystem carries the probe: the first managed one with a filesystem. */
    public static Optional<io.tandem.model.Initiator> tester(Project project) {
        return project.managedInitiators().stream().filter(i -> i.filesystem() != null).findFirst();
    }
}
