package io.tandem.failover;

import io.tandem.model.Initiator;
import io.tandem.model.NetworkLink;
import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.monitor.Assessment;
import io.tandem.monitor.ClusterSnapshot;
import io.tandem.monitor.HealthRules;
import io.tandem.monitor.HostCommands;
import io.tandem.monitor.StatusRead;
import io.tandem.monitor.StatusSource;
import io.tandem.render.SecretBook;
import io.tandem.render.modern.PacemakerLayout;
import io.tandem.render.modern.PacemakerLayoutBuilder;
import io.tandem.ssh.SshFailure;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one failover test on a cluster: checks it may (healthy, in sync, the storage served), starts
 * the probe on an initiator, causes the fault, follows the recovery, reads the nodes' journals, waits
 * for the cluster to be healthy again, and judges. It only ever does what the confirmed scenario
 * says; every host action is a script of {@link DrillScripts}.
 */
public final class FailoverDrill {

    /** What the test is doing now, for the operator; {@link #ios} hands over the probe's I/O as it arrives (workstation clock). */
    public interface Listener {
        void step(String words);

        default void ios(List<ProbeLog.Io> ios) {
        }

        /** A moment worth a marker on a chart: the fault, the storage back. */
        default void marker(double at, String words) {
        }
    }

    /** Time, so tests can run a drill without waiting. */
    public interface Clock {
        double now();

        void sleep(double seconds) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public double now() {
                Instant i = Instant.now();
                return i.getEpochSecond() + i.getNano() / 1e9;
            }

            @Override
            public void sleep(double seconds) throws InterruptedException {
                Thread.sleep(Duration.ofMillis((long) (seconds * 1000)));
            }
        };
    }

    /** How the test runs: I/O every {@code intervalMs}, a NIC held down {@code holdSeconds}, and the waits. */
    public record Settings(int intervalMs, int baselineSeconds, int holdSeconds, int afterSeconds, int recoverySeconds, int healthySeconds,
                           int pollSeconds) {
        public static final Settings DEFAULT = new Settings(100, 10, 20, 10, 600, 900, 2);
    }

    /** The outcome of {@link #prepare}: refused with reasons, or ready with what will happen. */
    public sealed interface Preparation permits Refused, Ready {
    }

    public record Refused(Scenario scenario, List<String> reasons) implements Preparation {
    }

    /** {@code from} serves now; {@code to} is the other node; {@code words} says what the test will do, for the confirmation. */
    public record Ready(Scenario scenario, String from, String to, Initiator tester, String words, Map<String, Double> offsets,
                        List<String> notes) implements Preparation {
    }

    /** A test that could not be carried out (the probe could not start): nothing was faulted. */
    public static final class DrillFailure extends Exception {
        public DrillFailure(String message) {
            super(message);
        }
    }

    /** The longest wait for an idle coordinator before a fault: above the VM lab's 200 s wait for a lost result. */
    static final int IDLE_WAIT_SECONDS = 300;
    /** A shorter wait is the cluster finishing a routine transition (the previous move's clean-up): not worth a note. */
    static final int IDLE_NOTE_SECONDS = 10;

    /** An I/O that took this long after a fault was held by the failover: once one completes, the storage is back. */
    static final int STALL_MS = 1000;
    /** Until then, or for this long, the node taking over is not asked where the group runs. */
    static final int QUIET_SECONDS = 60;

    /** 64 MiB of 4 KiB blocks: 27 minutes of writes at 10 per second. */
    static final int BLOCKS = 16384;

    private final Project project;
    private final StatusSource status;
    private final HostCommands commands;
    private final Settings settings;
    private final Clock clock;
    private final Listener listener;
    private final PacemakerLayout layout;
    /** What the running test adds to the report's notes. */
    private final List<String> notes = new ArrayList<>();

    public FailoverDrill(Project project, StatusSource status, HostCommands commands, Settings settings, Clock clock, Listener listener) {
        this.project = project;
        this.status = status;
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
        this.layout = PacemakerLayoutBuilder.build(project, new SecretBook());
    }

    /** Reads the cluster (read-only) and says whether the test may run, and what it will do. */
    public Preparation prepare(Scenario scenario) throws InterruptedException {
        // A first read may find a host slow to log in (seconds on a loaded server): a host that did
        // not answer is asked again, three reads at most, before it counts against the test.
        ClusterSnapshot snapshot = StatusRead.read(project, status);
        for (int attempt = 1; attempt < 3 && !everyHostAnswered(snapshot); attempt++) {
            clock.sleep(settings.pollSeconds());
            snapshot = StatusRead.read(project, status);
        }
        Assessment assessment = HealthRules.judge(project, snapshot);
        List<String> reasons = new ArrayList<>(Readiness.refusals(project, scenario, snapshot, assessment));
        if (scenario == Scenario.BOND_SLAVE && snapshot.serving().isPresent()
                && node(snapshot.serving().get()).link(NetworkRole.CLIENT).map(NetworkLink::bond).isEmpty()) {
            reasons.add(snapshot.serving().get() + "'s client network is not a bond: taking its only NIC down would cut the clients off. "
                    + "This test needs a bonded client network.");
        }
        if (!reasons.isEmpty()) {
            return new Refused(scenario, reasons);
        }
        String from = snapshot.serving().orElseThrow();
        String to = project.nodes().stream().map(Node::name).filter(n -> !n.equals(from)).findFirst().orElseThrow();
        Initiator tester = Readiness.tester(project).orElseThrow();
        Map<String, Double> offsets = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Node n : project.nodes()) {
            offsets.put(n.name(), offset(snapshot.nodeRead(n.name()).map(ClusterSnapshot.NodeRead::clockOffset), n.name(), notes));
        }
        offsets.put(tester.name(), offset(snapshot.clientRead(tester.name()).map(ClusterSnapshot.ClientRead::clockOffset), tester.name(), notes));
        assessment.findings().stream().filter(f -> f.code().equals("client.replacement-timeout")).forEach(f -> notes.add(f.reason()));
        return new Ready(scenario, from, to, tester, words(scenario, from, to, tester), offsets, notes);
    }

    private static boolean everyHostAnswered(ClusterSnapshot snapshot) {
        return snapshot.nodeReads().stream().allMatch(ClusterSnapshot.NodeRead::answered)
                && snapshot.clientReads().stream().allMatch(ClusterSnapshot.ClientRead::answered);
    }

    private static double offset(Optional<Duration> offset, String host, List<String> notes) {
        if (offset.isEmpty()) {
            notes.add(host + "'s clock could not be read: its times are taken as ours.");
            return 0;
        }
        return offset.get().toNanos() / 1e9;
    }

    private String words(Scenario scenario, String from, String to, Initiator tester) {
        String io = tester.name() + " writes and reads a 64 MiB test file on " + tester.filesystem().mountPoint()
                + " every " + settings.intervalMs() + " ms throughout (your data is not touched; the file is removed afterwards).";
        String what = switch (scenario) {
            case SWITCHOVER -> "The storage moves from " + from + " to " + to + ", then back to " + from + ".";
            case CRASH_ACTIVE -> from + " is crashed at once (emergency reboot, no shutdown): " + to + " must fence it and take over; "
                    + from + (offAfterFencing() ? " is switched off by its fencing, then powered on by the test," : " reboots")
                    + " and rejoins, and the storage stays on " + to + ".";
            case REPLICATION_LINK -> "Every NIC of " + to + "'s replication link goes down for " + settings.holdSeconds() + " s, then up: "
                    + from + " keeps serving; " + (project.networks().replication().fallsBackOverClient()
                    ? "replication goes on over the client network meanwhile, so " + to + "'s copy stays in sync."
                    : to + "'s copy falls behind and resyncs.");
            case BOND_SLAVE -> "The active NIC of " + from + "'s client-network bond goes down for " + settings.holdSeconds()
                    + " s, then up: the bond moves to its other NIC and back.";
        };
        return "Test \"" + scenario.title() + "\" on cluster " + project.clusterName() + ": " + what + " " + io
                + " The test then waits until the cluster is healthy again.";
    }

    private boolean offAfterFencing() {
        var stonith = project.cluster().stonith();
        return stonith.type().perNodeDevices() && stonith.leavesNodeOff();
    }

    /** Runs the confirmed test; nothing is faulted when the probe cannot start. */
    public FailoverReport run(Ready ready) throws InterruptedException, DrillFailure {
        double startedAt = clock.now();
        String runId = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        DrillScripts scripts = new DrillScripts(runId);
        Initiator tester = ready.tester();
        String client = tester.name();
        double clientOffset = ready.offsets().getOrDefault(client, 0.0);
        listener.step("Starting the probe on " + client + ": a 64 MiB file on " + tester.filesystem().mountPoint() + ", one write and one read every "
                + settings.intervalMs() + " ms.");
        int maxSeconds = BLOCKS * settings.intervalMs() / 1000;
        HostCommands.Result started = root(client, scripts.startProbe(tester.filesystem().mountPoint(), BLOCKS, settings.intervalMs(), maxSeconds),
                Duration.ofSeconds(420));
        if (!started.ok()) {
            root(client, scripts.abandonStart(tester.filesystem().mountPoint()), Duration.ofSeconds(60));
            throw new DrillFailure("The probe could not start on " + client + " (nothing was faulted): " + firstLine(started.stderr()));
        }
        ProbeFollower follower = new ProbeFollower(commands, client, scripts);
        List<String> driveFailures = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        try {
            follow(follower, clientOffset, settings.baselineSeconds());
            if (follower.log().ios().stream().noneMatch(ProbeLog.Io::ok)) {
                throw new DrillFailure("The probe on " + client + " completed no I/O in " + settings.baselineSeconds()
                        + " s before the fault, so nothing was faulted. Is its iSCSI disk answering?");
            }
            faults.addAll(fault(ready, scripts, follower, clientOffset, driveFailures));
        } finally {
            // Also when the test stopped early: the read-back first, then the 64 MiB file goes.
            stopProbe(client, scripts, follower, clientOffset);
            root(client, scripts.cleanUp(tester.filesystem().mountPoint()), Duration.ofSeconds(60));
        }
        ProbeLog probe = follower.log().shifted(-clientOffset);
        List<ClusterLog.Entry> journal = journals(ready, startedAt);
        String lastMember = layout.group().members().getLast().id();
        Timeline.Layout names = new Timeline.Layout(PacemakerLayoutBuilder.TARGET_ID, lastMember);
        List<Timeline> timelines = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            double until = i + 1 < faults.size() ? faults.get(i + 1).at() : clock.now();
            timelines.add(Timeline.of(f.leg(), f.words(), f.at(), until, f.from(), f.to(), journal, probe, names));
        }
        listener.step("Waiting for the cluster to be healthy again (up to " + settings.healthySeconds() + " s).");
        double faultsOver = clock.now();
        Optional<String> servingAfter = Optional.empty();
        Double healthyAfter = null;
        while (clock.now() - faultsOver <= settings.healthySeconds()) {
            ClusterSnapshot now = StatusRead.read(project, status);
            servingAfter = now.serving();
            if (Readiness.refusals(project, Scenario.SWITCHOVER, now, HealthRules.judge(project, now)).isEmpty()) {
                healthyAfter = clock.now() - faultsOver;
                break;
            }
            clock.sleep(settings.pollSeconds());
        }
        String after = servingAfter.orElse("nobody");
        List<String> failures = FailoverReport.failures(ready.scenario(), ready.from(), after, probe, healthyAfter, settings.healthySeconds(),
                driveFailures);
        listener.step(failures.isEmpty() ? "Passed." : "FAILED: " + String.join(" ", failures));
        return new FailoverReport(project.clusterName(), ready.scenario().id(), ready.scenario().title(), startedAt, clock.now(), ready.from(),
                after, client, tester.timeouts().replacementTimeout(), timelines, probe.ios(), probe.readBack().orElse(null), healthyAfter,
                FailoverReport.goal(ready.scenario()), List.copyOf(notes), failures);
    }

    /** Causes the scenario's fault(s) and follows each until the storage is back; the timelines are made afterwards from the journals. */
    private List<Fault> fault(Ready ready, DrillScripts scripts, ProbeFollower follower, double clientOffset, List<String> failures)
            throws InterruptedException {
        String from = ready.from();
        String to = ready.to();
        String group = PacemakerLayoutBuilder.GROUP;
        List<Fault> legs = new ArrayList<>();
        switch (ready.scenario()) {
            case SWITCHOVER -> {
                for (String[] move : List.of(new String[]{from, to}, new String[]{to, from})) {
                    awaitIdle(move[0], "the switchover " + move[0] + "->" + move[1]);
                    listener.step("Moving the storage from " + move[0] + " to " + move[1] + ".");
                    double sent = clock.now();
                    HostCommands.Result r = root(move[0], DrillScripts.move(group, move[1]), Duration.ofSeconds(120));
                    double at = stamp(r, ready.offsets().getOrDefault(move[0], 0.0)).orElse(sent);
                    listener.marker(at, "switchover " + move[0] + "->" + move[1] + " started");
                    legs.add(new Fault(move[0] + "->" + move[1], move[0], move[1], at, "move requested: crm_resource --move --node " + move[1]));
                    boolean moved = r.ok() && waitUntilOn(move[1], group, follower, clientOffset, at);
                    root(move[1], DrillScripts.clear(group), Duration.ofSeconds(120));
                    if (!moved) {
                        failures.add("The storage did not move to " + move[1] + " within " + settings.recoverySeconds() + " s"
                                + (r.ok() ? "." : ": " + firstLine(r.stderr() + r.stdout())));
                        break;
                    }
                    listener.marker(clock.now(), "storage on " + move[1]);
                    follow(follower, clientOffset, settings.afterSeconds());
                }
            }
            case CRASH_ACTIVE -> {
                awaitIdle(to, from + "'s crash");
                listener.step("Crashing " + from + " and following the takeover by " + to + ".");
                double sent = clock.now();
                HostCommands.Result r = root(from, DrillScripts.crash(), Duration.ofSeconds(30));
                double at = stamp(r, ready.offsets().getOrDefault(from, 0.0)).orElse(sent + 1);
                listener.marker(at, from + " crashed");
                legs.add(new Fault(from + "->" + to, from, to, at, from + " crashed (sysrq emergency reboot)"));
                if (!waitUntilOn(to, group, follower, clientOffset, at)) {
                    failures.add(to + " did not take over the storage within " + settings.recoverySeconds() + " s of " + from + "'s crash.");
                } else {
                    listener.marker(clock.now(), "storage on " + to);
                    follow(follower, clientOffset, settings.afterSeconds());
                }
                rejoin(from, to);
            }
            case REPLICATION_LINK, BOND_SLAVE -> {
                boolean link = ready.scenario() == Scenario.REPLICATION_LINK;
                String host = link ? to : from;
                NetworkLink nic = node(host).link(link ? NetworkRole.REPLICATION : NetworkRole.CLIENT).orElseThrow();
                String script = link ? DrillScripts.linksDown(nic.bond() == null ? List.of(nic.interfaceName()) : nic.bond().slaves(), null,
                        settings.holdSeconds()) : DrillScripts.linksDown(List.of(), nic.interfaceName(), settings.holdSeconds());
                awaitIdle(host, link ? "the replication link's cut" : "the NIC's fault");
                listener.step((link ? "Cutting " + host + "'s replication link" : "Taking the active NIC of " + host + "'s " + nic.interfaceName()
                        + " down") + " for " + settings.holdSeconds() + " s.");
                double sent = clock.now();
                HostCommands.Result r = root(host, script, Duration.ofSeconds(60));
                if (!r.ok()) {
                    failures.add("The fault could not be caused on " + host + ": " + firstLine(r.stderr()));
                }
                double at = stamp(r, ready.offsets().getOrDefault(host, 0.0)).orElse(sent);
                String nics = r.stdout().lines().filter(l -> l.startsWith("TANDEM-NICS ")).map(l -> l.substring(12)).findFirst().orElse("?");
                listener.marker(at, (link ? "replication link down" : nics + " down") + " on " + host);
                legs.add(new Fault(host, from, from, at, (link ? "replication link down on " + host : nics + " down on " + host) + " for "
                        + settings.holdSeconds() + " s"));
                follow(follower, clientOffset, settings.holdSeconds());
                listener.marker(clock.now(), (link ? "replication link up" : nics + " up") + " on " + host);
                follow(follower, clientOffset, settings.afterSeconds());
            }
        }
        return legs;
    }

    /**
     * Waits until the cluster's coordinator is idle before a fault, so that the pause measured is the failover's own
     * and not the end of an earlier transition: a coordinator still waiting for a lost operation's result starts the
     * failover's transition only after that wait (a switchover in the VM lab paused 68.5 s behind one). A wait of
     * {@value #IDLE_NOTE_SECONDS} s or more, and a coordinator still busy at the end, are said in the report's notes.
     */
    private void awaitIdle(String host, String before) throws InterruptedException {
        int bound = Math.min(IDLE_WAIT_SECONDS, settings.recoverySeconds());
        listener.step("Checking that the cluster's coordinator is idle before " + before + " (waiting up to " + bound + " s if it is busy).");
        HostCommands.Result r = root(host, DrillScripts.idle(bound), Duration.ofSeconds(bound + 30));
        String[] said = r.stdout().lines().filter(l -> l.startsWith(DrillScripts.IDLE + " ") || l.startsWith(DrillScripts.BUSY + " "))
                .map(l -> l.split(" ")).filter(words -> words.length >= 3 && words[1].matches("\\d{1,6}")).findFirst().orElse(new String[0]);
        if (said.length >= 3 && said[0].equals(DrillScripts.IDLE)) {
            if (Integer.parseInt(said[1]) >= IDLE_NOTE_SECONDS) {
                notes.add("Before " + before + " the cluster's coordinator (" + said[2] + ") was still busy with an earlier transition; the test "
                        + "waited " + said[1] + " s for it to be idle, so that the pause measured is the failover's own.");
            }
        } else if (said.length >= 4) {
            notes.add("Before " + before + " the cluster's coordinator (" + said[2] + ") was still busy (" + said[3] + ") after " + said[1]
                    + " s; the test went on, and the pause measured may include the end of that earlier transition.");
        } else {
            notes.add("Before " + before + " the test could not ask whether the cluster's coordinator was idle (" + firstLine(r.stderr()
                    + r.stdout()) + "); the pause measured may include the end of an earlier transition.");
        }
    }

    /** One fault caused: its name in the report, the node serving before and the one expected after, when, and what it was. */
    private record Fault(String leg, String from, String to, double at, String words) {
    }

    /**
     * Brings the crashed node back into the cluster once it answers again: with SBD fencing its slot
     * holds the survivor's reset, which Tandem clears (it caused the crash itself; after a real one
     * an operator looks first), then the cluster stack starts there; a node that power fencing switched
     * off (stonith-action off) is first powered on through its fence device. Said in the report's notes.
     */
    private void rejoin(String crashed, String survivor) throws InterruptedException {
        if (offAfterFencing()) {
            listener.step("Powering " + crashed + " on through its fence device: its fencing switched it off.");
            HostCommands.Result on = root(survivor, DrillScripts.powerOn(crashed), Duration.ofSeconds(120));
            notes.add(crashed + " was switched off by its fencing (stonith-action off), as it would stay after a real failure; the test "
                    + (on.ok() ? "powered it on through its fence device." : "could not power it on (" + firstLine(on.stderr() + on.stdout())
                    + "): power it on by hand."));
        }
        listener.step("Waiting for " + crashed + " to boot again.");
        double until = clock.now() + settings.recoverySeconds();
        while (clock.now() < until && !root(crashed, "true", Duration.ofSeconds(30)).ok()) {
            clock.sleep(settings.pollSeconds());
        }
        var stonith = project.cluster().stonith();
        if (stonith.type() == io.tandem.model.StonithType.SBD && stonith.sbd() != null) {
            listener.step("Clearing " + crashed + "'s SBD slot (the reset " + survivor + " fenced it with) and starting its cluster stack.");
            notes.add(crashed + "'s SBD slot held the reset " + survivor + " fenced it with; the test cleared it and started the cluster on "
                    + crashed + " (after a real crash, look at why first).");
            root(survivor, DrillScripts.clearSbdSlot(stonith.sbd().devices(), crashed), Duration.ofSeconds(60));
        }
        root(crashed, DrillScripts.startCluster(), Duration.ofSeconds(300));
        if (project.cluster().witness().isPresent()
                && root(crashed, DrillScripts.qdeviceAfterStart(), Duration.ofSeconds(90)).stdout().contains(DrillScripts.QDEVICE_STARTED_HERE)) {
            notes.add(crashed + "'s corosync-qdevice did not start with its cluster stack, so the test started it: the cluster lacks"
                    + " Tandem's corosync drop-in (" + io.tandem.render.modern.QdeviceStartRenderer.PATH + "); apply the project again.");
        }
    }

    /**
     * Follows the probe until {@code node} runs the group, then until the initiator's I/O completes again, then until
     * the cluster settles; false when the group is not there within the recovery time. Every question to a node is an
     * SSH session, sudo and a Pacemaker client on the node that is taking over, competing with the takeover for its CPU
     * (a single emulated one in the VM lab, where one question made fence_ipmilan's 3.4 s 6.3 s): so the node is not
     * asked where the group runs until the initiator's I/O has stalled and come back (an I/O that ended after
     * {@code faultAt} and took {@value #STALL_MS} ms or more) or {@value #QUIET_SECONDS} s (a tenth of the recovery
     * time if less) have passed; once the group is found nothing more is asked until the I/O is back; the settle
     * ({@code crm_resource --wait}, scheduler runs) comes last.
     */
    private boolean waitUntilOn(String node, String group, ProbeFollower follower, double clientOffset, double faultAt)
            throws InterruptedException {
        double until = clock.now() + settings.recoverySeconds();
        double quietUntil = clock.now() + Math.min(QUIET_SECONDS, settings.recoverySeconds() / 10.0);
        boolean back = false;
        while (clock.now() < until) {
            List<ProbeLog.Io> got = read(follower, clientOffset);
            back |= got.stream().anyMatch(io -> io.ok() && io.end() > faultAt && io.latencyMs() >= STALL_MS);
            if ((back || clock.now() >= quietUntil) && located(node, group).contains("running on: " + node)) {
                followUntilIo(follower, clientOffset, clock.now(), until);
                root(node, DrillScripts.settle(settings.recoverySeconds()), Duration.ofSeconds(settings.recoverySeconds() + 60));
                return true;
            }
            clock.sleep(settings.pollSeconds());
        }
        return false;
    }

    /**
     * Reads the probe until an I/O that started at {@code since} or later has completed without error (the probe does
     * one I/O at a time, so the storage answered after {@code since}), or until {@code until}.
     */
    private void followUntilIo(ProbeFollower follower, double clientOffset, double since, double until) throws InterruptedException {
        while (true) {
            List<ProbeLog.Io> got = read(follower, clientOffset);
            if (got.stream().anyMatch(io -> io.ok() && io.start() >= since) || clock.now() >= until) {
                return;
            }
            clock.sleep(settings.pollSeconds());
        }
    }

    private String located(String askedOn, String group) throws InterruptedException {
        return root(askedOn, DrillScripts.locate(group), Duration.ofSeconds(60)).stdout();
    }

    /** Reads the probe's new I/O for {@code seconds}, handing it to the listener; the last read is at the end. */
    private void follow(ProbeFollower follower, double clientOffset, double seconds) throws InterruptedException {
        double until = clock.now() + seconds;
        while (true) {
            read(follower, clientOffset);
            double left = until - clock.now();
            if (left <= 0) {
                return;
            }
            clock.sleep(Math.min(left, settings.pollSeconds()));
        }
    }

    /** The probe's new I/O, in our clock, handed to the listener as it comes. */
    private List<ProbeLog.Io> read(ProbeFollower follower, double clientOffset) throws InterruptedException {
        List<ProbeLog.Io> ios = new ProbeLog(follower.poll(), Optional.empty()).shifted(-clientOffset).ios();
        listener.ios(ios);
        return ios;
    }

    private void stopProbe(String client, DrillScripts scripts, ProbeFollower follower, double clientOffset) throws InterruptedException {
        listener.step("Stopping the probe; it reads back every acknowledged write.");
        root(client, scripts.stopProbe(), Duration.ofSeconds(60));
        double until = clock.now() + 300;
        while (follower.log().readBack().isEmpty() && clock.now() < until) {
            clock.sleep(settings.pollSeconds());
            read(follower, clientOffset);
        }
    }

    /** Each node's journal lines since the test began, in our clock; a node that cannot be read (rebooting) adds none. */
    private List<ClusterLog.Entry> journals(Ready ready, double startedAt) throws InterruptedException {
        listener.step("Reading the nodes' journals for the timeline.");
        List<ClusterLog.Entry> all = new ArrayList<>();
        for (Node n : project.nodes()) {
            double offset = ready.offsets().getOrDefault(n.name(), 0.0);
            HostCommands.Result r = root(n.name(), DrillScripts.journal((long) Math.floor(startedAt + offset) - 5), Duration.ofSeconds(120));
            for (ClusterLog.Entry e : ClusterLog.parse(r.stdout(), n.name(), java.time.Year.now().getValue(), java.time.ZoneOffset.UTC)) {
                all.add(new ClusterLog.Entry(e.at() - offset, n.name(), e.kind(), e.operation(), e.resource(), e.node(), e.result(), e.line()));
            }
        }
        return all;
    }

    /** The fault's moment the script printed, moved to our clock. */
    static Optional<Double> stamp(HostCommands.Result r, double offset) {
        return r.stdout().lines().filter(l -> l.startsWith(DrillScripts.STAMP + " ")).findFirst()
                .map(l -> l.substring(DrillScripts.STAMP.length() + 1).strip())
                .filter(s -> s.matches("\\d+(\\.\\d+)?")).map(s -> Double.parseDouble(s) - offset);
    }

    private HostCommands.Result root(String host, String script, Duration timeout) throws InterruptedException {
        try {
            return commands.runAsRoot(host, script, timeout);
        } catch (SshFailure e) {
            return new HostCommands.Result(-1, "", e.getMessage());
        }
    }

    private Node node(String name) {
        return project.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("(no message)");
    }
}
