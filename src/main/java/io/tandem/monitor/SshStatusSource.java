package io.tandem.monitor;

import io.tandem.discovery.FactScript;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.SshConnection;
import io.tandem.ssh.SshFailure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real hosts for repeated status rounds: one SSH connection per host, opened on the first read and
 * kept, so every later round costs each host one round trip (the script) and no login. A host
 * that fails is not tried again at once: after a failure it is skipped, with its last failure
 * repeated, for a backoff that doubles from the round's interval up to a minute, so one dead host
 * never makes every round wait for its connect timeout.
 */
public final class SshStatusSource implements StatusSource, HostCommands, AutoCloseable {

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final Map<String, ConnectionSettings> settings;
    private final Duration firstBackoff;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    /** One host's connection and its failure history; reads of one host never run at the same time. */
    private static final class Host {
        SshConnection connection;
        SshFailure lastFailure;
        long retryAtNanos;
        Duration backoff = Duration.ZERO;
    }

    /** {@code firstBackoff}: how long a failed host is left alone first (the polling interval is a good value; zero retries every round). */
    public SshStatusSource(Map<String, ConnectionSettings> settings, Duration firstBackoff) {
        this.settings = Map.copyOf(settings);
        this.firstBackoff = firstBackoff;
    }

    @Override
    public Map<String, FactScript.Section> read(String host, List<FactScript.Fact> facts) throws SshFailure {
        return withConnection(host, true, ssh -> StatusRead.runScript(ssh, facts));
    }

    /** Runs {@code script} as root over the host's kept connection (opened if needed), between two status reads. */
    @Override
    public Result runAsRoot(String host, String script, Duration timeout) throws SshFailure {
        return withConnection(host, false, ssh -> {
            io.tandem.ssh.ExecResult r = ssh.runAsRoot(io.tandem.ssh.RemoteCommand.script(script), timeout);
            return new Result(r.exitStatus(), r.stdout(), r.stderr());
        });
    }

    /** What is done over a host's connection. */
    private interface Use<T> {
        T on(SshConnection ssh) throws SshFailure;
    }

    /**
     * Runs {@code use} over the host's kept connection, opened if needed; a failure closes it and
     * starts the backoff. {@code heedBackoff}: a status read is refused while the host is left
     * alone; an operator's command (the split-brain recovery) is always tried.
     */
    private <T> T withConnection(String host, boolean heedBackoff, Use<T> use) throws SshFailure {
        ConnectionSettings s = settings.get(host);
        if (s == null) {
            throw new SshFailure(SshFailure.Kind.UNREACHABLE, host, "no login for " + host + " (none remembered for this project: "
                    + "open it with File → Open and discover its hosts)");
        }
        Host h = hosts.computeIfAbsent(host, x -> new Host());
        synchronized (h) {
            if (heedBackoff && h.lastFailure != null && System.nanoTime() < h.retryAtNanos) {
                throw new SshFailure(h.lastFailure.kind(), host, h.lastFailure.getMessage() + " (tried again in "
                        + Math.max(1, (h.retryAtNanos - System.nanoTime()) / 1_000_000_000L) + " s)");
            }
            try {
                if (h.connection == null) {
                    h.connection = SshConnection.open(s);
                }
                T result = use.on(h.connection);
                h.lastFailure = null;
                h.backoff = Duration.ZERO;
                return result;
            } catch (SshFailure e) {
                fail(h, e);
                throw e;
            }
        }
    }

    private void fail(Host h, SshFailure e) {
        if (h.connection != null) {
            h.connection.close();
            h.connection = null;
        }
        h.lastFailure = e;
        h.backoff = h.backoff.isZero() ? firstBackoff : h.backoff.multipliedBy(2);
        if (h.backoff.compareTo(MAX_BACKOFF) > 0) {
            h.backoff = MAX_BACKOFF;
        }
        h.retryAtNanos = System.nanoTime() + h.backoff.toNanos();
    }

    /** SSH round trips to {@code host} so far (each login and each script counts one). */
    public int roundTrips(String host) {
        Host h = hosts.get(host);
        if (h == null) {
            return 0;
        }
        synchronized (h) {
            return h.connection == null ? 0 : h.connection.roundTrips();
        }
    }

    @Override
    public void close() {
        hosts.values().forEach(h -> {
            synchronized (h) {
                if (h.connection != null) {
                    h.connection.close();
                    h.connection = null;
                }
            }
        });
    }
}
