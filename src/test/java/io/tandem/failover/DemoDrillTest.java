package io.tandem.failover;

import io.tandem.apply.SimulatedCluster;
import io.tandem.model.DemoProject;
import io.tandem.model.Project;
import io.tandem.monitor.HostCommands;
import io.tandem.monitor.StatusSource;
import io.tandem.testing.Examples;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole drill on the demo's simulated hosts (paced ten times faster): the same scripts, the
 * same parsing of the probe's log and the journals, the same judgement as on real servers.
 */
class DemoDrillTest {

    private static final FailoverDrill.Settings QUICK = new FailoverDrill.Settings(100, 1, 2, 1, 60, 60, 1);

    private final List<String> steps = new ArrayList<>();
    private final List<String> markers = new ArrayList<>();
    private final List<ProbeLog.Io> live = new ArrayList<>();

    private FailoverDrill drill(Project project) {
        SimulatedCluster demo = SimulatedCluster.applied(project, 0.1);
        StatusSource hosts = demo.statusSource();
        return new FailoverDrill(project, hosts, (HostCommands) hosts, QUICK, FailoverDrill.Clock.SYSTEM, new FailoverDrill.Listener() {
            @Override
            public void step(String words) {
                steps.add(words);
            }

            @Override
            public void ios(List<ProbeLog.Io> ios) {
                live.addAll(ios);
            }

            @Override
            public void marker(double at, String words) {
                markers.add(words);
            }
        });
    }

    @Test
    void aSwitchoverAndBackPausesTheClientOnceEachWayAndLosesNothing() throws Exception {
        Project project = Examples.read(Examples.VM_LAB_SBD);
        FailoverDrill drill = drill(project);
        FailoverDrill.Ready ready = assertInstanceOf(FailoverDrill.Ready.class, drill.prepare(Scenario.SWITCHOVER));
        assertEquals(project.cluster().preferredNode(), ready.from());
        assertTrue(ready.words().contains("moves from " + ready.from() + " to " + ready.to() + ", then back"), ready.words());
        FailoverReport report = drill.run(ready);
        assertTrue(report.passed(), report.failures().toString());
        assertEquals(List.of(ready.from() + "->" + ready.to(), ready.to() + "->" + ready.from()), report.legs().stream().map(Timeline::leg).toList());
        for (Timeline leg : report.legs()) {
            double pause = leg.longestPause().orElseThrow().seconds();
            assertTrue(pause > 0.2 && pause < 3, leg.leg() + " paused " + pause + " s");
            assertEquals(List.of("fault", "first operation", "demoted", "promoted", "target up", "virtual IP up", "I/O resumed"),
                    leg.phases().stream().map(Timeline.Phase::name).toList(), leg.leg());
        }
        assertEquals(ready.from(), report.servingAfter());
        assertEquals(0, report.errorCount());
        assertTrue(report.notes().stream().noneMatch(n -> n.contains("coordinator")), "an idle coordinator is not worth a note: " + report.notes());
        assertTrue(report.readBack().acknowledged() > 10 && report.readBack().intact(), report.readBack().toString());
        assertEquals(report.ios().size(), live.size(), "every I/O reached the listener as it came");
        assertTrue(markers.getFirst().startsWith("switchover " + ready.from() + "->" + ready.to()), markers.toString());
    }

    /** Runs {@code scenario} on the demo with the coordinator's answers before each fault as given; the hosts asked go to {@code askedOn}. */
    private FailoverReport withCoordinator(Scenario scenario, List<String> said, List<String> askedOn) throws Exception {
        Project project = Examples.read(Examples.VM_LAB_SBD);
        StatusSource hosts = SimulatedCluster.applied(project, 0.1).statusSource();
        HostCommands simulated = (HostCommands) hosts;
        java.util.Deque<String> answers = new java.util.ArrayDeque<>(said);
        HostCommands commands = (host, script, timeout) -> {
            if (script.equals(DrillScripts.idle(60))) {
                askedOn.add(host);
                return new HostCommands.Result(0, answers.removeFirst() + "\n", "");
            }
            return simulated.runAsRoot(host, script, timeout);
        };
        FailoverDrill drill = new FailoverDrill(project, hosts, commands, QUICK, FailoverDrill.Clock.SYSTEM, new FailoverDrill.Listener() {
            @Override
            public void step(String words) {
                steps.add(words);
            }
        });
        FailoverReport report = drill.run(assertInstanceOf(FailoverDrill.Ready.class, drill.prepare(scenario)));
        assertTrue(answers.isEmpty(), "asked once before each fault");
        assertTrue(report.passed(), report.failures().toString());
        return report;
    }

    @Test
    void eachFaultWaitsForAnIdleCoordinatorAndTheReportSaysWhenItWasBusy() throws Exception {
        // A routine transition's end (9 s) before the first leg, a coordinator that lost an operation's result (42 s) before the second.
        List<String> askedOn = new ArrayList<>();
        FailoverReport switchover = withCoordinator(Scenario.SWITCHOVER, List.of("TANDEM-IDLE 9 node2", "TANDEM-IDLE 42 node2"), askedOn);
        String from = switchover.servingBefore();
        String to = askedOn.getLast();
        assertEquals(List.of(from, to), askedOn, "asked on the node each leg moves from");
        assertEquals(List.of("Before the switchover " + to + "->" + from + " the cluster's coordinator (node2) was still busy with an earlier "
                + "transition; the test waited 42 s for it to be idle, so that the pause measured is the failover's own."), switchover.notes());
        int checked = steps.indexOf("Checking that the cluster's coordinator is idle before the switchover " + from + "->" + to
                + " (waiting up to 60 s if it is busy).");
        assertTrue(checked >= 0 && checked < steps.indexOf("Moving the storage from " + from + " to " + to + "."), steps.toString());

        // Still busy at the bound (the recovery time, 60 s here, under 300 s): the test goes on and says so.
        FailoverReport link = withCoordinator(Scenario.REPLICATION_LINK, List.of("TANDEM-BUSY 60 node2 S_TRANSITION_ENGINE"), new ArrayList<>());
        assertEquals(List.of("Before the replication link's cut the cluster's coordinator (node2) was still busy (S_TRANSITION_ENGINE) after 60 s; "
                + "the test went on, and the pause measured may include the end of that earlier transition."), link.notes());

        // An answer the test cannot read is said as it came, not taken for idle, and the test goes on.
        FailoverReport nic = withCoordinator(Scenario.BOND_SLAVE, List.of("TANDEM-IDLE soon node2"), new ArrayList<>());
        assertEquals(List.of("Before the NIC's fault the test could not ask whether the cluster's coordinator was idle (TANDEM-IDLE soon node2); "
                + "the pause measured may include the end of an earlier transition."), nic.notes());
    }

    @Test
    void aCrashIsRefusedWithoutFencingAndTakenOverWithIt() throws Exception {
        FailoverDrill.Refused refused = assertInstanceOf(FailoverDrill.Refused.class,
                drill(DemoProject.withFreshSecrets()).prepare(Scenario.CRASH_ACTIVE));
        assertTrue(refused.reasons().getFirst().startsWith("No fencing is configured"), refused.reasons().toString());

        FailoverDrill drill = drill(Examples.read(Examples.VM_LAB_SBD));
        FailoverDrill.Ready ready = assertInstanceOf(FailoverDrill.Ready.class, drill.prepare(Scenario.CRASH_ACTIVE));
        FailoverReport report = drill.run(ready);
        assertTrue(report.passed(), report.failures().toString());
        assertEquals(ready.to(), report.servingAfter());
        Timeline t = report.legs().getFirst();
        assertEquals(List.of("fault", "detected", "fenced", "first operation", "promoted", "target up", "virtual IP up", "I/O resumed"),
                t.phases().stream().map(Timeline.Phase::name).toList(), t.phases().toString());
        assertTrue(report.healthyAgainAfter() != null, "the crashed node rejoined");
    }

    /** Power fencing that leaves the node off: the test powers it on again through the cluster's fence device, and says so. */
    @Test
    void aNodeFencedOffIsPoweredOnAgainByTheTest() throws Exception {
        assertEquals(io.tandem.model.FenceAction.OFF, Examples.read(Examples.VM_LAB_IPMI).cluster().stonith().afterFencing());
        FailoverDrill drill = drill(Examples.read(Examples.VM_LAB_IPMI));
        FailoverDrill.Ready ready = assertInstanceOf(FailoverDrill.Ready.class, drill.prepare(Scenario.CRASH_ACTIVE));
        assertTrue(ready.words().contains("switched off by its fencing, then powered on by the test"), ready.words());
        FailoverReport report = drill.run(ready);
        assertTrue(report.passed(), report.failures().toString());
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith(ready.from() + " was switched off by its fencing (stonith-action off)")
                && n.contains("powered it on through its fence device")), report.notes().toString());
        assertTrue(report.legs().getFirst().phases().stream().anyMatch(p -> p.name().equals("fenced")), report.legs().toString());

        Project reboot = io.tandem.testing.JsonEdit.of(Examples.VM_LAB_IPMI).remove("$.cluster.stonith.action").project();
        FailoverReport rebooted = drill(reboot).run(assertInstanceOf(FailoverDrill.Ready.class, drill(reboot).prepare(Scenario.CRASH_ACTIVE)));
        assertTrue(rebooted.notes().stream().noneMatch(n -> n.contains("switched off by its fencing")), rebooted.notes().toString());
    }

    /**
     * The node taking over is not asked where the group runs until the initiator's I/O has stalled and come back (or a
     * tenth of the recovery time has passed), and nothing once the group is found until the I/O is back: every
     * question is an SSH session, sudo and a Pacemaker client there, which competed with the takeover for the node's
     * CPU in the VM lab.
     */
    @Test
    void theNodeTakingOverIsAskedLittleUntilTheIoIsBack() throws Exception {
        Project project = Examples.read(Examples.VM_LAB_SBD);
        StatusSource hosts = SimulatedCluster.applied(project, 0.1).statusSource();
        HostCommands simulated = (HostCommands) hosts;
        String client = Readiness.tester(project).orElseThrow().name();
        // In order: "mark T WORDS" (a marker, made at T), "read" (the probe's log read on the client), "found T" (the
        // group located on its new node, asked at T), "io START LATENCY_MS" (an I/O completed without error, as it
        // reached the listener), "ask T HOST SCRIPT" (any other command to a node, asked at T).
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        HostCommands commands = (host, script, timeout) -> {
            double asked = System.currentTimeMillis() / 1000.0;
            HostCommands.Result r = simulated.runAsRoot(host, script, timeout);
            if (script.startsWith("crm_resource --locate") && r.stdout().contains("running on: " + host)) {
                events.add("found " + asked);
            } else if (host.equals(client)) {
                events.add(script.startsWith("tail -c +") ? "read" : "client");
            } else {
                events.add("ask " + asked + " " + host + " " + script.lines().findFirst().orElse(""));
            }
            return r;
        };
        FailoverDrill drill = new FailoverDrill(project, hosts, commands, QUICK, FailoverDrill.Clock.SYSTEM, new FailoverDrill.Listener() {
            @Override
            public void step(String words) {
                steps.add(words);
            }

            @Override
            public void ios(List<ProbeLog.Io> ios) {
                ios.stream().filter(ProbeLog.Io::ok).forEach(io -> events.add("io " + io.start() + " " + io.latencyMs()));
            }

            @Override
            public void marker(double at, String words) {
                events.add("mark " + System.currentTimeMillis() / 1000.0 + " " + words);
            }
        });
        FailoverReport report = drill.run(assertInstanceOf(FailoverDrill.Ready.class, drill.prepare(Scenario.SWITCHOVER)));
        assertTrue(report.passed(), report.failures().toString());

        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).startsWith("found ")) {
                found.add(i);
            }
        }
        assertEquals(2, found.size(), "the group found once on each leg's node: " + events);
        int from = 0;
        double quiet = QUICK.recoverySeconds() / 10.0;
        for (int at : found) {
            // From the leg's start: no question about the group before a stalled I/O came back or the quiet time ran out.
            int start = from;
            while (!events.get(start).matches("mark \\S+ switchover .*")) {
                start++;
            }
            double marked = Double.parseDouble(events.get(start).split(" ")[1]);
            boolean stalled = false;
            for (int i = start + 1; i <= at; i++) {
                String[] e = events.get(i).split(" ");
                if (e[0].equals("io")) {
                    stalled |= Double.parseDouble(e[2]) >= FailoverDrill.STALL_MS;
                } else if (e[0].equals("ask") || e[0].equals("found")) {
                    assertTrue(stalled || Double.parseDouble(e[1]) - marked >= quiet - 1,
                            "asked before the I/O stalled and came back: " + events.subList(start, at + 1));
                }
            }
            double since = Double.parseDouble(events.get(at).substring(6));
            int back = -1;
            for (int i = at + 1; i < events.size() && back < 0; i++) {
                if (events.get(i).startsWith("io ") && Double.parseDouble(events.get(i).split(" ")[1]) >= since) {
                    back = i;
                }
            }
            assertTrue(back > at, "the I/O came back after the group was found: " + events);
            List<String> between = events.subList(at + 1, back).stream().filter(e -> e.startsWith("ask ")).toList();
            assertEquals(List.of(), between, "nothing asked of the nodes before the I/O was back");
            String next = events.subList(back, events.size()).stream().filter(e -> e.startsWith("ask ")).findFirst().orElse("");
            assertTrue(next.contains(" crm_resource --wait"), "then the cluster is asked to settle: " + events);
            from = at + 1;
        }
    }

    @Test
    void aCutReplicationLinkDoesNotPauseTheClient() throws Exception {
        FailoverDrill drill = drill(Examples.read(Examples.VM_LAB_SBD));
        FailoverDrill.Ready ready = assertInstanceOf(FailoverDrill.Ready.class, drill.prepare(Scenario.REPLICATION_LINK));
        FailoverReport report = drill.run(ready);
        assertTrue(report.passed(), report.failures().toString());
        assertTrue(report.longestPause().orElseThrow().seconds() < 0.5);
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("Cutting " + ready.to() + "'s replication link")), steps.toString());
    }
}
