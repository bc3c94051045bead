package io.tandem.plan;

import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.ssh.SshFailure;

import java.time.Duration;
import java.util.function.Function;

/** Polls a read-only command until its output says the wait is over, reporting progress on the way. */
public final class Waiting {

    /** What one poll saw: done, or a progress sentence (empty for none). */
    public record Seen(boolean done, String progress) {
        public static Seen finished() {
            return new Seen(true, "");
        }

        public static Seen waiting(String progress) {
            return new Seen(false, progress);
        }
    }

    private Waiting() {
    }

    /**
     * Polls every {@code every} until {@code judge} says done; fails after {@code limit} with
     * {@code what} and the last thing seen, so the operator knows how far it got.
     */
    public static void until(Remote remote, RemoteCommand poll, Function<ExecResult, Seen> judge, Duration limit, Duration every, String what)
            throws SshFailure, StepFailure, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        String last = "";
        while (true) {
            ExecResult result = remote.run(poll, new byte[0], Duration.ofSeconds(60), line -> { });
            Seen seen = judge.apply(result);
            if (seen.done()) {
                return;
            }
            if (!seen.progress().isEmpty() && !seen.progress().equals(last)) {
                remote.progress(seen.progress());
                last = seen.progress();
            }
            if (System.nanoTime() > end) {
                throw new StepFailure("gave up after " + limit.toSeconds() + " s waiting until " + what
                        + (last.isEmpty() ? "" : "; last seen: " + last), "");
            }
            Thread.sleep(every.toMillis());
        }
    }
}
