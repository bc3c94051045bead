package io.tandem.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the user broke in the demo, as one value replaced whole on each change (so one host's
 * status read sees one moment): since when each {@link DemoFault} is on ({@code System.nanoTime}),
 * the link failures each NIC counted ("node nic": they stay counted, as the bonding driver's do),
 * the split brain, and the resync after its discard.
 */
record FaultState(Map<DemoFault, Long> since, Map<String, Integer> linkFailures, SimulatedDrbd.SplitBrain split, SimulatedDrbd.Resync resync) {

    static final FaultState NONE = new FaultState(Map.of(), Map.of(), null, null);

    boolean on(DemoFault fault) {
        return since.containsKey(fault);
    }

    /**
     * Since when DRBD cannot reach the standby node (its link cut, or the node lost); null when it can.
     * With the replication network's fallback over the client network ({@code fallback}) a cut link
     * does not disconnect it.
     */
    Long disconnectedSince(boolean fallback) {
        return Stream.of(fallback ? null : DemoFault.REPLICATION_LINK_DOWN, DemoFault.NODE_LOST).filter(Objects::nonNull).map(since::get)
                .filter(Objects::nonNull).min(Long::compare).orElse(null);
    }

    int linkFailures(String node, String nic) {
        return linkFailures.getOrDefault(node + " " + nic, 0);
    }

    /** With {@code fault} switched on (each of {@code nicsCut} counting one more link failure; a split brain numbered {@code serial}) or off. */
    FaultState switched(DemoFault fault, boolean on, List<String> nicsCut, int serial) {
        Map<DemoFault, Long> faults = new HashMap<>(since);
        Map<String, Integer> failures = new HashMap<>(linkFailures);
        SimulatedDrbd.SplitBrain splitNow = split;
        SimulatedDrbd.Resync resyncNow = resync;
        if (on) {
            faults.put(fault, System.nanoTime());
            nicsCut.forEach(nic -> failures.merge(nic, 1, Integer::sum));
            if (fault == DemoFault.SPLIT_BRAIN) {
                splitNow = new SimulatedDrbd.SplitBrain(Instant.now(), System.nanoTime(), serial);
                resyncNow = null;
            }
        } else {
            faults.remove(fault);
            if (fault == DemoFault.SPLIT_BRAIN) {
                splitNow = null;
            }
        }
        return new FaultState(Map.copyOf(faults), Map.copyOf(failures), splitNow, resyncNow);
    }

    /** The split brain over: {@code node}'s changes discarded, its copy resynced from now with {@code totalKiB} per resource. */
    FaultState discarded(String node, Map<String, Long> totalKiB) {
        Map<DemoFault, Long> faults = new HashMap<>(since);
        faults.remove(DemoFault.SPLIT_BRAIN);
        return new FaultState(Map.copyOf(faults), linkFailures, null, new SimulatedDrbd.Resync(node, System.nanoTime(), Map.copyOf(totalKiB)));
    }
}
