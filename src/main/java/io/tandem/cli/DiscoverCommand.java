package io.tandem.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tandem.discovery.Check;
import io.tandem.discovery.CompatibilityReport;
import io.tandem.discovery.HostFacts;
import io.tandem.discovery.NodeDiscovery;
import io.tandem.model.Secret;
import io.tandem.ssh.Authentication;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.HostKeyPrompt;
import io.tandem.ssh.HostKeyStore;
import io.tandem.ssh.SshConnection;
import io.tandem.ssh.SshFailure;
import io.tandem.ssh.SshTarget;
import io.tandem.ssh.Sudo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

@Command(name = "discover", mixinStandardHelpOptions = true,
        description = {"Connects to each host over SSH, reads its facts (read-only: nothing is changed) and prints them",
                "with a compatibility report per node and, for two hosts, for the pair.",
                "Exit 0: all checks pass or warn; 1: a check failed or a host could not be reached; 2: bad input."})
final class DiscoverCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "HOST", arity = "1..*", description = "Address or name of each host.")
    List<String> hosts;

    @Option(names = "--user", defaultValue = "root", description = "Login user (default ${DEFAULT-VALUE}); others use sudo.")
    String user;

    @Option(names = "--port", defaultValue = "22", description = "SSH port (default ${DEFAULT-VALUE}).")
    int port;

    @picocli.CommandLine.Mixin
    LoginOptions login;

    @Option(names = "--json", description = "Print facts and report as JSON.")
    boolean json;

    @Option(names = "--timing", description = "Print, per host, the wall time of login plus discovery and the SSH round trips.")
    boolean timing;

    /**
     * Host files appear in JSON with path, state and size only: their contents (secrets masked) are
     * for the wizard's Review, not for a listing that ends up in tickets and logs.
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties("content")
    private abstract static class HostFileWithoutContent {
    }

    /** Wall time of one host's login plus discovery, and its round trips (login included). */
    private record Timed(HostFacts facts, java.time.Duration wall, int roundTrips) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Future<Timed>> running = new LinkedHashMap<>();
        long started = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String host : hosts) {
                SshTarget target;
                try {
                    target = new SshTarget(host, port, user);
                } catch (IllegalArgumentException e) {
                    throw new UserError("'" + host + "' is not a host to connect to.", ExitCodes.BAD_INPUT);
                }
                ConnectionSettings settings = login.settings(target, err);
                running.put(host, executor.submit(() -> {
                    long start = System.nanoTime();
                    try (SshConnection ssh = SshConnection.open(settings)) {
                        HostFacts facts = NodeDiscovery.discover(ssh);
                        return new Timed(facts, java.time.Duration.ofNanos(System.nanoTime() - start), ssh.roundTrips());
                    }
                }));
            }
        }
        List<HostFacts> discovered = new ArrayList<>();
        boolean unreachable = false;
        java.time.Duration all = java.time.Duration.ofNanos(System.nanoTime() - started);
        for (var entry : running.entrySet()) {
            try {
                Timed timed = entry.getValue().get();
                discovered.add(timed.facts());
                if (timing) {
                    err.printf("timing %s wall=%.3fs roundtrips=%d%n", entry.getKey(), timed.wall().toNanos() / 1e9, timed.roundTrips());
                }
            } catch (ExecutionException e) {
                unreachable = true;
                err.println(entry.getKey() + ": " + (e.getCause() instanceof SshFailure f ? f.getMessage() : String.valueOf(e.getCause())));
            }
        }
        if (timing) {
            err.printf("timing all-hosts wall=%.3fs%n", all.toNanos() / 1e9);
        }
        List<Check> checks = new ArrayList<>();
        discovered.forEach(f -> checks.addAll(CompatibilityReport.forNode(f)));
        if (discovered.size() == 2) {
            checks.addAll(CompatibilityReport.forPair(discovered.get(0), discovered.get(1)));
        }
        if (json) {
            out.println(json(discovered, checks));
        } else {
            discovered.forEach(f -> FactsPrinter.print(f, out));
            out.println("Compatibility report:");
            checks.forEach(c -> out.println("  " + c.describe()));
        }
        boolean failed = checks.stream().anyMatch(c -> c.status() == Check.Status.FAIL);
        return unreachable || failed ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    /** The facts and report as {@code --json} prints them. */
    static String json(List<HostFacts> discovered, List<Check> checks) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule())
                .enable(SerializationFeature.INDENT_OUTPUT).addMixIn(io.tandem.facts.HostFile.class, HostFileWithoutContent.class);
        return mapper.writeValueAsString(Map.of("hosts", discovered, "report", checks));
    }
}
