package io.tandem.monitor;

import io.tandem.facts.DiskCounters;
import io.tandem.facts.IscsiSessionDetail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client's I/O latency per session disk over the last polling interval, from its
 * {@code /proc/diskstats} counters in two successive reads: the milliseconds the completed reads
 * and writes took, divided by how many completed. The interval is measured on the client's own
 * clock (the script's first stamp), so a slow SSH round trip does not stretch it. Pure.
 */
final class IoLatency {

    static final String FIRST_READ = "measured from the second read on";

    private IoLatency() {
    }

    /** The session disks, each once, with its LUN. */
    static Map<String, Integer> sessionDisks(List<IscsiSessionDetail> sessions) {
        Map<String, Integer> disks = new LinkedHashMap<>();
        sessions.forEach(s -> s.disks().forEach(d -> disks.putIfAbsent(d.device(), d.lun())));
        return disks;
    }

    /** The counters of the session disks only: a client may have many disks that are not Tandem's business. */
    static ClusterSnapshot.DiskSample sample(long hostNanos, List<IscsiSessionDetail> sessions, Map<String, DiskCounters> all) {
        Map<String, DiskCounters> kept = new LinkedHashMap<>();
        sessionDisks(sessions).keySet().forEach(d -> Optional.ofNullable(all.get(d)).ifPresent(c -> kept.put(d, c)));
        return new ClusterSnapshot.DiskSample(hostNanos, kept);
    }

    /**
     * Each session disk's latency from {@code previous}'s counters to {@code now}'s. The same read
     * seen twice (a monitor round that reused a slow host's last answer) gives the same figures.
     * {@code now} null: the counters could not be read ({@code why}).
     */
    static List<ClusterSnapshot.DiskLatency> between(List<IscsiSessionDetail> sessions, ClusterSnapshot.DiskSample now, String why,
                                                    ClusterSnapshot.ClientRead previous) {
        ClusterSnapshot.DiskSample before = previous == null ? null : previous.disks();
        if (now != null && before != null && before.hostNanos() == now.hostNanos()) {
            return previous.latency();
        }
        List<ClusterSnapshot.DiskLatency> out = new ArrayList<>();
        sessionDisks(sessions).forEach((device, lun) -> out.add(one(device, lun, now, why, before)));
        return out;
    }

    private static ClusterSnapshot.DiskLatency one(String device, int lun, ClusterSnapshot.DiskSample now, String why,
                                                  ClusterSnapshot.DiskSample before) {
        if (now == null) {
            return unmeasured(device, lun, why);
        }
        DiskCounters after = now.counters().get(device);
        if (after == null) {
            return unmeasured(device, lun, device + " is not in /proc/diskstats");
        }
        DiskCounters earlier = before == null ? null : before.counters().get(device);
        if (earlier == null) {
            return unmeasured(device, lun, FIRST_READ);
        }
        long nanos = now.hostNanos() - before.hostNanos();
        if (nanos <= 0) {
            return unmeasured(device, lun, "the client's clock went back between two reads");
        }
        Optional<DiskCounters.Activity> activity = after.since(earlier);
        if (activity.isEmpty()) {
            return unmeasured(device, lun, "the disk was attached again (its counters restarted); measured from the next read");
        }
        DiskCounters.Activity a = activity.get();
        return new ClusterSnapshot.DiskLatency(device, lun, Duration.ofNanos(nanos), a.ios(), a.averageMillis(), a.inFlight(), null);
    }

    private static ClusterSnapshot.DiskLatency unmeasured(String device, int lun, String why) {
        return new ClusterSnapshot.DiskLatency(device, lun, null, 0, Double.NaN, 0, why);
    }
}
