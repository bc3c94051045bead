package io.tandem.apply;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The demo clients' session disks as the kernel counts their I/O in {@code /proc/diskstats}: each
 * read advances the counters by the wall time since the host's last read, at a rate and a latency
 * that drift slowly (a wave of a few minutes, some noise, now and then a busier second) the way a
 * database on an iSCSI disk looks. Writes wait for the peer's copy (DRBD protocol C), so they get
 * faster while the standby cannot be reached. Counters only grow, as the kernel's do.
 */
final class SimulatedDiskStats {

    /** Per host and disk: reads, milliseconds reading, writes, milliseconds writing (fractions kept, printed whole). */
    private final Map<String, double[]> counters = new HashMap<>();
    private final Map<String, Long> lastRead = new HashMap<>();
    private final Random random = new Random(14);
    private final long startNanos = System.nanoTime();

    /** The demo's disks are named as the client's kernel names them: sdb, sdc, … by LUN order (sda is its own disk). */
    static String device(int index) {
        return "sd" + (char) ('b' + index);
    }

    /** {@code /proc/diskstats} of {@code host} at {@code nowNanos} (System.nanoTime), its system disk and {@code disks}. */
    synchronized String read(String host, List<String> disks, boolean peerAway, long nowNanos) {
        long last = lastRead.getOrDefault(host, nowNanos);
        lastRead.put(host, nowNanos);
        double seconds = Math.max(0, (nowNanos - last) / 1e9);
        double minutes = (nowNanos - startNanos) / 60e9;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%4d %7d %s %d 0 %d %d %d 0 %d %d 0 %d %d 0 0 0 0 0 0%n",
                254, 0, "vda", 18_211, 1_034_552, 6_905, 40_102, 2_166_040, 21_330, 19_870, 28_235));
        for (int i = 0; i < disks.size(); i++) {
            double[] c = counters.computeIfAbsent(host + " " + disks.get(i), k -> new double[] {52_000, 31_000, 24_000, 29_000});
            double wave = 1 + 0.35 * Math.sin(minutes * 2 * Math.PI / 3 + i);
            double burst = random.nextDouble() < 0.04 ? 2.5 + random.nextDouble() * 2 : 1;
            double readRate = (90 + 40 * wave) * (0.9 + 0.2 * random.nextDouble());
            double writeRate = (40 + 25 * wave) * (0.9 + 0.2 * random.nextDouble());
            double readMs = 0.45 * wave * burst * (0.9 + 0.2 * random.nextDouble());
            double writeMs = (peerAway ? 0.55 : 1.2) * wave * burst * (0.9 + 0.2 * random.nextDouble());
            double reads = readRate * seconds;
            double writes = writeRate * seconds;
            c[0] += reads;
            c[1] += reads * readMs;
            c[2] += writes;
            c[3] += writes * writeMs;
            long r = (long) c[0];
            long w = (long) c[2];
            out.append(String.format(Locale.ROOT, "%4d %7d %s %d 0 %d %d %d 0 %d %d 0 %d %d 0 0 0 0 %d %d%n", 8, 16 * (i + 1), disks.get(i), r, r * 8,
                    (long) c[1], w, w * 8, (long) c[3], (long) ((c[1] + c[3]) * 0.8), (long) (c[1] + c[3]), w / 50, (long) (c[3] / 100)));
        }
        return out.toString();
    }
}
