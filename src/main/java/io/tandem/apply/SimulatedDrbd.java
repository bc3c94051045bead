package io.tandem.apply;

import io.tandem.model.DrbdResource;
import io.tandem.model.Fencing;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's DRBD as /proc/drbd of DRBD 8.4.11 shows it on each node, each node printing its own
 * side (its role and disk first, SyncSource or SyncTarget): the apply's initial sync, then in
 * step; disconnected (WFConnection, the serving node's changes piling up out of sync); split brain
 * (StandAlone on both, each side holding changes the other lacks); and the resync that follows a
 * discard. Formats follow the VM lab's captures (src/test/resources/fixtures/vmlab/*.proc_drbd.txt)
 * and drbd 8.4's proc.c (the progress bar, per-mille percent, "want:" on a SyncTarget when the
 * dynamic resync controller runs).
 */
final class SimulatedDrbd {

    /** 1 GiB as DRBD exports it from the VM lab's disks: at pace 1 the initial sync's rate is a real 1 GbE link's. */
    static final long VOLUME_KIB = 1_048_508;
    private static final long BLOCK_KIB = 4;

    /** A split brain: when it was found (the standby was demoted then), and which one it is (each has its own generation UUIDs). */
    record SplitBrain(Instant foundAt, long sinceNanos, int serial) {
    }

    /** The resync after a discard: the node whose copy is overwritten, when it began, and what it copies per resource. */
    record Resync(String target, long startedNanos, Map<String, Long> totalKiB) {
    }

    /** One device as one node prints it; {@code sync} only while resyncing. */
    private record Device(int minor, String connection, String role, String peerRole, String disk, String peerDisk, boolean protocolShown,
                          long sent, long received, long written, long read, long outOfSync, Progress sync) {
    }

    private record Progress(long leftKiB, long totalKiB, long speedKiBPerSecond, boolean target) {
    }

    private final SimulatedCluster cluster;
    private final Map<String, Long> syncStarted = new ConcurrentHashMap<>();

    SimulatedDrbd(SimulatedCluster cluster) {
        this.cluster = cluster;
    }

    void syncStarted(String resource) {
        syncStarted.putIfAbsent(resource, System.nanoTime());
    }

    /** Every resource's initial sync finished long ago: the state an apply leaves. */
    void syncedLongAgo() {
        long before = System.nanoTime() - 2 * syncTime().toNanos();
        cluster.drbdResources().forEach(r -> syncStarted.put(r.name(), before));
    }

    /** How long a resource's initial sync takes here. */
    Duration syncTime() {
        return cluster.scaled(6000);
    }

    /** How long the resync after a split brain's discard takes here. */
    Duration resyncTime() {
        return cluster.scaled(5000);
    }

    /** True when the resync after a discard is over (or there is none). */
    boolean resynced(FaultState state) {
        return state.resync() == null || fraction(state.resync().startedNanos(), resyncTime()) >= 1;
    }

    /** /proc/drbd on {@code node} with the faults of {@code state}. */
    String procDrbd(String node, FaultState state) {
        StringBuilder out = new StringBuilder("version: 8.4.11 (api:1/proto:86-101)\nsrcversion: F73C670A7EC572DB9CF3E5B \n");
        for (DrbdResource r : cluster.drbdResources()) {
            append(out, device(r, node, state));
        }
        return out.toString();
    }

    private Device device(DrbdResource r, String node, FaultState state) {
        boolean serving = node.equals(cluster.servingNode());
        String role = serving ? "Primary" : "Secondary";
        Long started = syncStarted.get(r.name());
        if (started == null) {
            return new Device(r.minor(), "Connected", "Secondary", "Secondary", "Inconsistent", "Inconsistent", true, 0, 0, 0, 0, VOLUME_KIB, null);
        }
        double initial = fraction(started, syncTime());
        if (initial < 1) {
            return syncing(r, serving, VOLUME_KIB, initial, syncTime());
        }
        long sent = serving ? VOLUME_KIB : 0;
        long received = serving ? 0 : VOLUME_KIB;
        if (state.split() != null) {
            long changed = splitChanges(r, serving, state.split());
            return new Device(r.minor(), "StandAlone", role, "Unknown", "UpToDate", lostPeerDisk(serving), false, sent, received,
                    received + changed, sent, changed, null);
        }
        Long down = state.disconnectedSince(cluster.project().networks().replication().fallsBackOverClient());
        if (down != null) {
            long pending = serving ? written(r, down) : 0;
            return new Device(r.minor(), "WFConnection", role, "Unknown", "UpToDate", lostPeerDisk(serving), true, sent, received,
                    received + pending, sent, pending, null);
        }
        if (!resynced(state)) {
            Resync resync = state.resync();
            return syncing(r, !node.equals(resync.target()), resync.totalKiB().getOrDefault(r.name(), 0L),
                    fraction(resync.startedNanos(), resyncTime()), resyncTime());
        }
        return new Device(r.minor(), "Connected", role, serving ? "Secondary" : "Primary", "UpToDate", "UpToDate", true, sent, received,
                received, sent, 0, null);
    }

    /**
     * The peer's disk as a Primary that lost it records it: Outdated once the fence-peer handler
     * (crm-fence-peer.sh, configured unless fencing is dont-care) placed its constraint, as the VM
     * lab's node2.after-node1-loss capture shows; without a handler, DUnknown. A Secondary does not run the handler.
     */
    private String lostPeerDisk(boolean serving) {
        return serving && cluster.project().replication().fencing() != Fencing.DONT_CARE ? "Outdated" : "DUnknown";
    }

    private Device syncing(DrbdResource r, boolean source, long totalKiB, double fraction, Duration takes) {
        long left = Math.round(totalKiB * (1 - fraction)) / BLOCK_KIB * BLOCK_KIB;
        // Compressed time: the rate is what copies the whole in the simulated time, a little uneven.
        long speed = Math.max(1, Math.round(totalKiB / (takes.toMillis() / 1000.0) * (0.9 + 0.2 * Math.abs(Math.sin(fraction * 7)))));
        Progress progress = new Progress(left, totalKiB, speed, !source);
        long done = totalKiB - left;
        return source
                ? new Device(r.minor(), "SyncSource", "Primary", "Secondary", "UpToDate", "Inconsistent", true, done, 0, 0, done, left, progress)
                : new Device(r.minor(), "SyncTarget", "Secondary", "Primary", "Inconsistent", "UpToDate", true, 0, done, done, 0, left, progress);
    }

    private void append(StringBuilder out, Device d) {
        out.append(String.format(Locale.ROOT, " %d: cs:%s ro:%s/%s ds:%s/%s %s r-----\n", d.minor(), d.connection(), d.role(), d.peerRole(),
                        d.disk(), d.peerDisk(), d.protocolShown() ? "C" : " "))
                .append(String.format(Locale.ROOT, "    ns:%d nr:%d dw:%d dr:%d al:8 bm:0 lo:0 pe:%d ua:0 ap:0 ep:1 wo:f oos:%d\n", d.sent(),
                        d.received(), d.written(), d.read(), d.sync() == null ? 0 : 4, d.outOfSync()));
        if (d.sync() != null) {
            appendProgress(out, d.sync());
        }
    }

    /** drbd 8.4's progress lines: the bar from the per-mille done, "(left/total)K", time left, speed (and "want:" on a SyncTarget). */
    private void appendProgress(StringBuilder out, Progress p) {
        int permille = (int) Math.min(999, (p.totalKiB() - p.leftKiB()) * 1000 / Math.max(1, p.totalKiB()));
        int filled = permille / 50;
        long secondsLeft = p.leftKiB() / p.speedKiBPerSecond();
        boolean want = p.target() && cluster.project().replication().dynamicResync() != null;
        out.append("\t[").append("=".repeat(Math.max(0, filled - 1))).append('>').append(".".repeat(20 - filled))
                .append(String.format(Locale.ROOT, "] sync'ed:%3d.%d%% (%d/%d)K\n", permille / 10, permille % 10, p.leftKiB(), p.totalKiB()))
                .append(String.format(Locale.ROOT, "\tfinish: %d:%02d:%02d speed: %,d (%,d)", secondsLeft / 3600, secondsLeft / 60 % 60,
                        secondsLeft % 60, p.speedKiBPerSecond(), p.speedKiBPerSecond()))
                .append(want ? String.format(Locale.ROOT, " want: %,d", p.speedKiBPerSecond() * 3 / 2 / 20 * 20) : "")
                .append(" K/sec\n");
    }

    // ---- what the clients wrote while the copies were apart

    /** What the serving node wrote to {@code r} since {@code sinceNanos}: a little every simulated second, whole 4 KiB blocks. */
    long written(DrbdResource r, long sinceNanos) {
        double seconds = (System.nanoTime() - sinceNanos) / (double) cluster.scaled(1000).toNanos();
        return BLOCK_KIB * (1 + (long) Math.floor(seconds * (12 + 4 * r.minor())));
    }

    /** Each side's changes since the split: the standby's while it was wrongly Primary, the serving node's growing still. */
    long splitChanges(DrbdResource r, boolean serving, SplitBrain split) {
        return serving ? 131_072 + 32_768L * r.minor() + written(r, split.sinceNanos()) : 196_608 + 65_536L * r.minor();
    }

    /**
     * {@code drbdadm get-gi} on one side of a split brain: both keep the bitmap and history UUIDs
     * of the moment they split, and each made its own current UUID when it became Primary alone.
     * The lowest bit follows the VM lab's split-brain kernel log (set on what a Primary made).
     */
    String generationIdentifiers(DrbdResource r, boolean serving, SplitBrain split) {
        Random uuids = new Random(split.serial() * 1_000_003L + r.minor());
        long bitmap = uuids.nextLong() & ~1L;
        long history1 = uuids.nextLong() & ~1L;
        long history2 = uuids.nextLong() | 1L;
        long servingCurrent = uuids.nextLong() | 1L;
        long standbyCurrent = uuids.nextLong() | 1L;
        boolean peerOutdated = serving && lostPeerDisk(true).equals("Outdated");
        return String.format(Locale.ROOT, "%016X:%016X:%016X:%016X:1:1:%d:0:0:%d:0", serving ? servingCurrent : standbyCurrent,
                serving ? bitmap | 1 : bitmap, serving ? history1 | 1 : history1, history2, serving ? 1 : 0, peerOutdated ? 1 : 0);
    }

    private static double fraction(long startedNanos, Duration takes) {
        return Math.min(1, (System.nanoTime() - startedNanos) / (double) takes.toNanos());
    }
}
