package io.tandem.cli;

import io.tandem.files.AtomicFile;
import io.tandem.model.Project;
import io.tandem.monitor.Assessment;
import io.tandem.monitor.ClusterSnapshot;
import io.tandem.monitor.HealthRules;
import io.tandem.monitor.PrometheusText;
import io.tandem.monitor.SshStatusSource;
import io.tandem.monitor.StatusDocument;
import io.tandem.monitor.StatusRead;
import io.tandem.monitor.StatusSource;
import io.tandem.monitor.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Reads the cluster's status (read-only, one SSH round trip per node and managed client) and prints the verdict",
                "(healthy, degraded, at risk, down), each finding with its fix, and the facts: nodes, DRBD, bonds, target, sessions.",
                "Exit 0: healthy; 1: degraded, at risk or down (also when a host does not answer); 2: bad input."})
final class StatusCommand implements Callable<Integer> {

    /** How the command reaches the hosts: over SSH, or (in tests) a prepared source. */
    interface Sources {
        StatusSource open(Project project, ClusterHosts hosts, PrintWriter err, Duration interval);
    }

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterHosts cluster;

    @Option(names = "--watch", description = "Read again every interval until interrupted; print only what changed, and a heartbeat line.")
    boolean watch;

    @Option(names = "--interval", paramLabel = "S", defaultValue = "2", description = "Seconds between reads with --watch (default ${DEFAULT-VALUE}).")
    double interval;

    @Option(names = "--json", description = "Print the status as JSON (with --watch: one document per line, when something changed).")
    boolean json;

    @Option(names = "--prometheus", paramLabel = "FILE", description = {"Also write the verdict and the main gauges to FILE in node_exporter's",
            "textfile format (replaced atomically after every read; name it *.prom in the collector's directory)."})
    Path prometheus;

    @Option(names = "--rounds", hidden = true, description = "Stop --watch after this many reads (tests).")
    Integer rounds;

    @Option(names = "--heartbeat", paramLabel = "S", hidden = true, defaultValue = "60", description = "Seconds between heartbeat lines with --watch.")
    double heartbeat;

    private final Sources sources;

    StatusCommand() {
        this((project, hosts, err, every) -> new SshStatusSource(hosts.settings(project, err), every));
    }

    StatusCommand(Sources sources) {
        this.sources = sources;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(interval >= 0.1 && interval <= 3600)) {
            throw new UserError("--interval must be between 0.1 and 3600 seconds, not " + interval + ".", ExitCodes.BAD_INPUT);
        }
        if (prometheus != null && !Files.isDirectory(prometheus.toAbsolutePath().getParent())) {
            throw new UserError("--prometheus " + prometheus + ": the folder " + prometheus.toAbsolutePath().getParent()
                    + " does not exist; give a file in node_exporter's textfile directory.", ExitCodes.BAD_INPUT);
        }
        Project project = cluster.readChecked(err);
        Duration every = Duration.ofMillis(Math.round(interval * 1000));
        StatusSource source = sources.open(project, cluster, err, every);
        try {
            return watch ? watch(project, source, every, out, err) : once(project, source, out, err);
        } finally {
            if (source instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    private int once(Project project, StatusSource source, PrintWriter out, PrintWriter err) throws InterruptedException {
        Round round = round(project, source, null, err);
        if (json) {
            out.println(StatusPrinter.json(round.document(), true));
        } else {
            StatusPrinter.print(round.document(), out);
        }
        return exitCode(round.assessment().verdict());
    }

    private int watch(Project project, StatusSource source, Duration every, PrintWriter out, PrintWriter err) throws InterruptedException {
        ClusterSnapshot previous = null;
        StatusDocument shown = null;
        long lastLine = System.nanoTime();
        Verdict verdict = Verdict.HEALTHY;
        for (int n = 1; rounds == null || n <= rounds; n++) {
            long start = System.nanoTime();
            Round round = round(project, source, previous, err);
            verdict = round.assessment().verdict();
            boolean changed = shown == null || !shown.stable().equals(round.document().stable());
            if (changed || System.nanoTime() - lastLine >= heartbeat * 1e9) {
                if (json) {
                    out.println(StatusPrinter.json(round.document(), false));
                } else if (changed) {
                    if (shown != null) {
                        out.println();
                        out.println("---- changed ----");
                    }
                    StatusPrinter.print(round.document(), out);
                } else {
                    out.println(StatusPrinter.heartbeat(round.document()));
                }
                out.flush();
                shown = round.document();
                lastLine = System.nanoTime();
            }
            previous = round.snapshot();
            if (rounds != null && n == rounds) {
                break;
            }
            long left = every.toNanos() - (System.nanoTime() - start);
            if (left > 0) {
                Thread.sleep(Duration.ofNanos(left));
            }
        }
        return exitCode(verdict);
    }

    private record Round(ClusterSnapshot snapshot, Assessment assessment, StatusDocument document) {
    }

    private Round round(Project project, StatusSource source, ClusterSnapshot previous, PrintWriter err) throws InterruptedException {
        ClusterSnapshot snapshot = StatusRead.read(project, source, previous);
        Assessment assessment = HealthRules.judge(project, snapshot, previous);
        if (prometheus != null) {
            try {
                AtomicFile.write(prometheus, PrometheusText.render(project, snapshot, assessment), PosixFilePermissions.fromString("rw-r--r--"));
            } catch (IOException e) {
                err.println("Could not write " + prometheus + ": " + e.getMessage());
            }
        }
        return new Round(snapshot, assessment, StatusDocument.of(project, snapshot, assessment));
    }

    private static int exitCode(Verdict verdict) {
        return verdict == Verdict.HEALTHY ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
