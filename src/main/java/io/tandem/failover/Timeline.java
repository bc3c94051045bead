package io.tandem.failover;

import io.tandem.render.modern.PacemakerLayoutBuilder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One fault and what followed it, in the workstation's clock: the phases (fault, detection,
 * fencing, demote, promote, target up, port open or virtual IP up, first I/O completed again), each cluster operation with its
 * duration, and where the time went. Built from the nodes' journal entries (already moved to our
 * clock) and the probe's I/O.
 */
public record Timeline(String leg, double faultAt, List<Phase> phases, List<Operation> operations, Pause pause,
                       Map<String, Double> timeSpent) {

    /** A moment of the failover: {@code at} in epoch seconds, {@code evidence} the journal line (or probe fact) it came from. */
    public record Phase(String name, double at, String host, String evidence) {
    }

    /** A Pacemaker operation from its request to its result (the result empty when the journal had none). */
    public record Operation(String host, String resource, String operation, String node, double start, double end, String result) {
        public double seconds() {
            return end - start;
        }
    }

    /** What Tandem knows about the cluster when it reads the journal: which resource is the target and which starts last. */
    public record Layout(String targetResource, String lastGroupMember) {

        /** What the last member's start means to the initiators: the port unblocked, or (LIO) the address up on a listening portal. */
        String lastMemberPhase() {
            return lastGroupMember.equals(PacemakerLayoutBuilder.VIP_ID) ? "virtual IP up" : "port open";
        }
    }

    public Timeline {
        phases = List.copyOf(phases);
        operations = List.copyOf(operations);
        timeSpent = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timeSpent));
    }

    /** The longest pause the initiator saw in this timeline's window (null in JSON when it saw none: no I/O completed twice). */
    public Optional<Pause> longestPause() {
        return Optional.ofNullable(pause);
    }

    public Optional<Phase> phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The timeline of one fault at {@code faultAt} that ends by {@code until}: journal entries before
     * the fault or after {@code until} do not count. {@code from}/{@code to}: the node serving before and after.
     */
    public static Timeline of(String leg, String faultWords, double faultAt, double until, String from, String to,
                              List<ClusterLog.Entry> journal, ProbeLog probe, Layout layout) {
        List<ClusterLog.Entry> window = journal.stream().filter(e -> e.at() >= faultAt - 0.5 && e.at() <= until)
                .sorted(Comparator.comparingDouble(ClusterLog.Entry::at)).toList();
        List<Phase> phases = new ArrayList<>();
        phases.add(new Phase("fault", faultAt, from, faultWords));
        first(window, e -> e.kind() == ClusterLog.Kind.TOKEN_LOST || e.kind() == ClusterLog.Kind.MEMBERSHIP)
                .ifPresent(e -> phases.add(phase("detected", e)));
        Optional<Pause> pause = Pause.longest(probe, faultAt, until);
        phases.addAll(drbdPhases(window, pause));
        first(window, e -> e.kind() == ClusterLog.Kind.OPERATION_REQUESTED && !e.operation().equals("monitor"))
                .ifPresent(e -> phases.add(phase("first operation", e)));
        first(window, e -> e.kind() == ClusterLog.Kind.FENCED).ifPresent(e -> phases.add(phase("fenced", e)));
        last(window, e -> ok(e, "demote") && e.node().equals(from)).ifPresent(e -> phases.add(phase("demoted", e)));
        last(window, e -> ok(e, "promote") && e.node().equals(to)).ifPresent(e -> phases.add(phase("promoted", e)));
        first(window, e -> ok(e, "start") && e.node().equals(to) && e.resource().equals(layout.targetResource()))
                .ifPresent(e -> phases.add(phase("target up", e)));
        if (!layout.lastGroupMember().equals(layout.targetResource())) {
            first(window, e -> ok(e, "start") && e.node().equals(to) && e.resource().equals(layout.lastGroupMember()))
                    .ifPresent(e -> phases.add(phase(layout.lastMemberPhase(), e)));
        }
        pause.ifPresent(p -> phases.add(new Phase("I/O resumed", p.to(), "initiator", "first I/O completed after "
                + String.format(java.util.Locale.ROOT, "%.1f", p.seconds()) + " s without one")));
        phases.sort(Comparator.comparingDouble(Phase::at));
        List<Operation> operations = operations(window);
        return new Timeline(leg, faultAt, phases, operations, pause.orElse(null), spent(faultAt, operations, phases, pause));
    }

    /**
     * DRBD's side of a lost peer, for the resource that held the initiator's I/O: each resource has
     * its own handler, and the one that gated the I/O is the last to return before it resumed (else
     * the first to return). Its call and the loss of that resource go with it.
     */
    private static List<Phase> drbdPhases(List<ClusterLog.Entry> window, Optional<Pause> pause) {
        List<ClusterLog.Entry> returns = window.stream().filter(e -> e.kind() == ClusterLog.Kind.FENCE_PEER_RETURNED).toList();
        Optional<ClusterLog.Entry> returned = pause.flatMap(p -> returns.stream().filter(e -> e.at() <= p.to() + 1).reduce((a, b) -> b))
                .or(() -> returns.stream().findFirst());
        Predicate<ClusterLog.Entry> gating = e -> returned.map(r -> r.resource().equals(e.resource())).orElse(true);
        List<Phase> drbd = new ArrayList<>();
        first(window, e -> e.kind() == ClusterLog.Kind.REPLICATION_LOST && gating.test(e)).ifPresent(e -> drbd.add(phase("replication lost", e)));
        first(window, e -> e.kind() == ClusterLog.Kind.FENCE_PEER && gating.test(e)).ifPresent(e -> drbd.add(phase("fence-peer called", e)));
        returned.ifPresent(e -> drbd.add(phase("fence-peer returned", e)));
        return drbd;
    }

    private static boolean ok(ClusterLog.Entry e, String operation) {
        return e.kind() == ClusterLog.Kind.OPERATION_RESULT && e.operation().equals(operation) && e.result().equals("ok");
    }

    private static Phase phase(String name, ClusterLog.Entry e) {
        return new Phase(name, e.at(), e.host(), e.line());
    }

    private static Optional<ClusterLog.Entry> first(List<ClusterLog.Entry> entries, Predicate<ClusterLog.Entry> which) {
        return entries.stream().filter(which).findFirst();
    }

    private static Optional<ClusterLog.Entry> last(List<ClusterLog.Entry> entries, Predicate<ClusterLog.Entry> which) {
        return entries.stream().filter(which).reduce((a, b) -> b);
    }

    /** Each request paired with the next result of the same operation, resource and node on the same host. */
    static List<Operation> operations(List<ClusterLog.Entry> entries) {
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ClusterLog.Entry request = entries.get(i);
            if (request.kind() != ClusterLog.Kind.OPERATION_REQUESTED) {
                continue;
            }
            Optional<ClusterLog.Entry> result = entries.subList(i + 1, entries.size()).stream()
                    .filter(e -> e.kind() == ClusterLog.Kind.OPERATION_RESULT && e.host().equals(request.host())
                            && e.operation().equals(request.operation()) && e.resource().equals(request.resource())
                            && e.node().equals(request.node()))
                    .findFirst();
            // A monitor's request has no result line while it succeeds: it only counts as the moment it ran.
            operations.add(new Operation(request.host(), request.resource(), request.operation(), request.node(), request.at(),
                    result.map(ClusterLog.Entry::at).orElse(request.at()), result.map(ClusterLog.Entry::result).orElse("")));
        }
        return operations;
    }

    /**
     * Where the time from the fault to I/O resuming went: detection (fault to the first operation,
     * or to the new membership after a crash), operations by kind (their union, so two at once count
     * once), the cluster idle between them, and the initiator's reconnect (last operation to I/O resumed).
     * A fault the cluster rode out without an operation (the replication link) but with DRBD's
     * fence-peer handler is split at the handler instead: while it runs, resource-and-stonith keeps
     * I/O suspended, a safety cost shown as such.
     */
    static Map<String, Double> spent(double faultAt, List<Operation> operations, List<Phase> phases, Optional<Pause> pause) {
        Map<String, Double> spent = new LinkedHashMap<>();
        double end = pause.map(Pause::to).orElse(Double.NaN);
        if (Double.isNaN(end)) {
            return spent;
        }
        List<Operation> within = operations.stream().filter(o -> o.start() >= faultAt - 0.5 && o.start() < end && !o.operation().equals("monitor"))
                .toList();
        Optional<Phase> handler = phases.stream().filter(p -> p.name().equals("fence-peer called") && p.at() < end).findFirst();
        if (within.isEmpty() && handler.isPresent()) {
            double called = Math.max(faultAt, handler.get().at());
            double returned = phases.stream().filter(p -> p.name().equals("fence-peer returned")).mapToDouble(Phase::at).findFirst().orElse(end);
            double handlerEnd = Math.min(end, Math.max(called, returned));
            spent.put("DRBD noticing the lost peer", called - faultAt);
            spent.put("DRBD's fence-peer handler (I/O suspended by resource-and-stonith)", handlerEnd - called);
            spent.put("after the handler (DRBD resuming, the initiator's retry)", end - handlerEnd);
            return spent;
        }
        double firstOp = within.stream().mapToDouble(Operation::start).min().orElse(end);
        double lastOp = within.stream().mapToDouble(Operation::end).max().orElse(firstOp);
        spent.put("before the first operation", Math.max(0, firstOp - faultAt));
        Map<String, List<Operation>> byKind = new LinkedHashMap<>();
        for (Operation o : within) {
            byKind.computeIfAbsent(o.operation(), k -> new ArrayList<>()).add(o);
        }
        for (var kind : byKind.entrySet()) {
            spent.put(kind.getKey() + " (" + kind.getValue().size() + ")", union(kind.getValue()));
        }
        double busy = union(within);
        spent.put("cluster idle between operations", Math.max(0, lastOp - firstOp - busy));
        spent.put("initiator reconnect after the last operation", Math.max(0, end - lastOp));
        return spent;
    }

    /** Seconds covered by at least one of the operations. */
    private static double union(List<Operation> operations) {
        List<Operation> sorted = operations.stream().sorted(Comparator.comparingDouble(Operation::start)).toList();
        double total = 0;
        double from = Double.NaN;
        double to = Double.NaN;
        for (Operation o : sorted) {
            if (Double.isNaN(from) || o.start() > to) {
                total += Double.isNaN(from) ? 0 : to - from;
                from = o.start();
                to = o.end();
            } else {
                to = Math.max(to, o.end());
            }
        }
        return total + (Double.isNaN(from) ? 0 : to - from);
    }
}
