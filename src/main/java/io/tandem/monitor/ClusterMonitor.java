package io.tandem.monitor;

import io.tandem.model.Initiator;
import io.tandem.model.Node;
import io.tandem.model.Project;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Watches one project's cluster: a round every {@code interval} asks each host for its status
 * script, one read per host at a time over the host's own connection (the {@link StatusSource};
 * {@link SshStatusSource} keeps one per host), and judges the answers ({@link HealthRules}).
 * <p>
 * A host never holds the others back: a round waits for the hosts at most until its interval is
 * over, then is judged with what came. A host whose read has run for a whole interval (or three
 * of its usual reads when that is longer: {@link #hungAfter}) or failed counts as not answering,
 * and the round says since when its data is stale; a read a little late keeps the host's last
 * answer. A read that finishes late is used by the next round. The first round waits for every
 * host up to {@link #FIRST_WAIT}: its verdict is the first the operator sees.
 * Rounds and their events go to the listener on the monitor's own thread. Each round's measured
 * series (latency, round trips, resync rate) and its markers go to the cluster's
 * {@link TimeSeriesStore} ({@link #series()}).
 */
public final class ClusterMonitor implements AutoCloseable {

    /** What one round saw: the snapshot, its assessment, the hosts whose data is old (since when), and what changed. */
    public record Round(long number, ClusterSnapshot snapshot, Assessment assessment, Map<String, Instant> staleSince,
                        List<MonitorEvent> events) {
        public Round {
            staleSince = Map.copyOf(staleSince);
            events = List.copyOf(events);
        }
    }

    /** The shortest interval: a round of three hosts takes a few hundred milliseconds. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(500);
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private final Project project;
    private final StatusSource source;
    private final EventLog events;
    private final SideHistory sides;
    private final Consumer<Round> listener;
    private final SeriesRecorder recorder;
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final Object wake = new Object();
    private final Instant started = Instant.now();
    private volatile Duration interval;
    private volatile boolean closed;
    private volatile boolean refreshAsked;
    private Thread rounds;
    private ClusterSnapshot previous;
    private Assessment previousAssessment;
    private long number;
    private Map<String, Instant> stalePrevious = Map.of();

    /** One host: its latest answer, the last time it answered, when its read started and whether one is under way. */
    private static final class Host {
        final String name;
        final List<io.tandem.discovery.FactScript.Fact> facts;
        final AtomicBoolean reading = new AtomicBoolean();
        volatile HostAnswer last;
        volatile Instant lastGoodAt;
        volatile Instant readStartedAt;
        /** A moving average of this host's successful reads. */
        volatile long usualReadNanos;

        Host(String name, List<io.tandem.discovery.FactScript.Fact> facts) {
            this.name = name;
            this.facts = facts;
        }
    }

    public ClusterMonitor(Project project, StatusSource source, Duration interval, EventLog events, SideHistory sides, Consumer<Round> listener) {
        this(project, source, interval, events, sides, new TimeSeriesStore(), listener);
    }

    /** {@code series}: where the rounds' measurements go; a cluster keeps one for as long as it is watched, across monitors. */
    public ClusterMonitor(Project project, StatusSource source, Duration interval, EventLog events, SideHistory sides, TimeSeriesStore series,
                          Consumer<Round> listener) {
        this.recorder = new SeriesRecorder(project, series);
        this.project = project;
        this.source = source;
        this.events = events;
        this.sides = sides;
        this.listener = listener;
        this.interval = checked(interval);
        for (Node node : project.nodes()) {
            hosts.put(node.name(), new Host(node.name(), StatusScript.node(project, node)));
        }
        for (Initiator client : project.managedInitiators()) {
            hosts.put(client.name(), new Host(client.name(), StatusScript.client()));
        }
    }

    private static Duration checked(Duration interval) {
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("the polling interval must be at least " + MIN_INTERVAL.toMillis() + " ms, not "
                    + interval.toMillis() + " ms");
        }
        return interval;
    }

    /** Starts the rounds; the first begins at once. */
    public synchronized void start() {
        if (rounds != null) {
            return;
        }
        rounds = Thread.ofVirtual().name("monitor-" + project.clusterName()).start(this::loop);
    }

    public Duration interval() {
        return interval;
    }

    /** The measured series of this cluster's last hour, and its markers; a failover test adds its own ({@link TimeSeriesStore#mark}). */
    public TimeSeriesStore series() {
        return recorder.store();
    }

    /** Takes effect from the next round. */
    public void setInterval(Duration interval) {
        this.interval = checked(interval);
        refreshNow();
    }

    /** Starts the next round now instead of at the end of the interval. */
    public void refreshNow() {
        synchronized (wake) {
            refreshAsked = true;
            wake.notifyAll();
        }
    }

    /** How long the first round waits for every host: logins to slow hosts take seconds, and a first verdict without them would be a false alarm. */
    static final Duration FIRST_WAIT = StatusRead.SCRIPT_TIMEOUT;

    /**
     * How long a read of {@code host} may run before the host counts as not answering: a whole
     * interval, never under 1.5 s, and never under three times the host's usual read (a busy host
     * that always takes 2 s is slow, not dead). A host that dies mid-read (its TCP connection just
     * stops) is thus stale at the end of the round after the fault when reads are quick.
     */
    Duration hungAfter(Host host) {
        Duration floor = Duration.ofMillis(Math.max(1500, 3 * host.usualReadNanos / 1_000_000));
        return interval.compareTo(floor) < 0 ? floor : interval;
    }

    private void loop() {
        while (!closed) {
            long start = System.nanoTime();
            try {
                Round round = round();
                if (!closed) {
                    listener.accept(round);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A bug in a rule must not end the monitoring: the round is lost, the next one runs.
                System.getLogger(ClusterMonitor.class.getName()).log(System.Logger.Level.WARNING, "monitoring round failed", e);
            }
            long waitNanos = interval.toNanos() - (System.nanoTime() - start);
            synchronized (wake) {
                while (!closed && !refreshAsked && waitNanos > 0) {
                    long before = System.nanoTime();
                    try {
                        TimeUnit.NANOSECONDS.timedWait(wake, waitNanos);
                    } catch (InterruptedException e) {
                        return;
                    }
                    waitNanos -= System.nanoTime() - before;
                }
                refreshAsked = false;
            }
        }
    }

    /** One round: ask every idle host, wait for them until the interval is over, judge what is there. */
    Round round() throws InterruptedException {
        long start = System.nanoTime();
        Instant readAt = Instant.now();
        List<Host> asked = hosts.values().stream().filter(h -> h.reading.compareAndSet(false, true)).toList();
        CountDownLatch answered = new CountDownLatch(asked.size());
        for (Host host : asked) {
            host.readStartedAt = Instant.now();
            Thread.ofVirtual().name("monitor-" + host.name).start(() -> {
                try {
                    HostAnswer answer = StatusRead.ask(source, host.name, host.facts);
                    host.last = answer;
                    if (answer.answered()) {
                        host.lastGoodAt = Instant.now();
                        long took = answer.took().toNanos();
                        host.usualReadNanos = host.usualReadNanos == 0 ? took : (7 * host.usualReadNanos + 3 * took) / 10;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    host.reading.set(false);
                    answered.countDown();
                }
            });
        }
        // The first round waits for the logins (a few seconds); later ones for one interval at most.
        answered.await((number == 0 ? FIRST_WAIT : interval).toMillis(), TimeUnit.MILLISECONDS);
        return judge(readAt, Duration.ofNanos(System.nanoTime() - start));
    }

    private synchronized Round judge(Instant readAt, Duration readTime) {
        Instant now = Instant.now();
        List<HostAnswer> answers = new ArrayList<>();
        Map<String, Instant> stale = new LinkedHashMap<>();
        for (Host host : hosts.values()) {
            HostAnswer last = host.last;
            Instant asked = host.readStartedAt;
            boolean hung = host.reading.get() && asked != null && Duration.between(asked, now).compareTo(hungAfter(host)) >= 0;
            if (!hung && last != null && last.answered()) {
                answers.add(last);
                continue;
            }
            stale.put(host.name, host.lastGoodAt != null ? host.lastGoodAt : started);
            String why = hung ? "its status read has not finished after " + Duration.between(asked, now).toSeconds() + " s"
                    : last == null ? "it has not answered yet" : last.failure();
            answers.add(HostAnswer.failed(host.name, why, Duration.ZERO));
        }
        ClusterSnapshot snapshot = SnapshotAssembly.assemble(project, answers, readAt, readTime, previous);
        Assessment assessment = HealthRules.judge(project, snapshot, previous);
        List<MonitorEvent> changes = EventLog.changes(previousAssessment, assessment, stalePrevious, stale, now);
        if (events != null) {
            events.append(changes);
        }
        if (sides != null) {
            sides.observe(snapshot, now);
        }
        recorder.record(snapshot, changes, now);
        previous = snapshot;
        previousAssessment = assessment;
        stalePrevious = Map.copyOf(stale);
        return new Round(++number, snapshot, assessment, stale, changes);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (wake) {
            wake.notifyAll();
        }
        Thread t;
        synchronized (this) {
            t = rounds;
        }
        if (t != null) {
            t.interrupt();
        }
        if (source instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing connections to hosts that may be gone: nothing to tell the user
            }
        }
        if (sides != null) {
            sides.save();
        }
    }
}
