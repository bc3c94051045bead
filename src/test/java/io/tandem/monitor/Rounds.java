package io.tandem.monitor;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The rounds a {@link ClusterMonitor} delivered, for tests to wait on: its listener, and "the next round that …". */
public final class Rounds implements Consumer<ClusterMonitor.Round> {

    private final BlockingQueue<ClusterMonitor.Round> queue = new LinkedBlockingQueue<>();
    private volatile ClusterMonitor.Round last;

    @Override
    public void accept(ClusterMonitor.Round round) {
        last = round;
        queue.add(round);
    }

    /** The latest round delivered, waited for or not (null before the first). */
    public ClusterMonitor.Round last() {
        return last;
    }

    /** Forgets the rounds not waited for yet: the next wait starts from the next round. */
    public void clear() {
        queue.clear();
    }

    /** The next round {@code wanted} accepts within {@code within}, or null. */
    public ClusterMonitor.Round next(Predicate<ClusterMonitor.Round> wanted, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            ClusterMonitor.Round r = queue.poll(Math.max(1, (end - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (r != null && wanted.test(r)) {
                return r;
            }
        }
        return null;
    }
}
