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

    @Option(names = {"-i", "--identity"}, paramLabel = "FILE", description = "Private key file (repeatable). Without one, ssh-agent is used.")
    List<Path> identities = new ArrayList<>();

    @Option(names = "--ask-password", description = "Ask for the login password (never given on the command line).")
    boolean askPassword;

    @Option(names = "--ask-sudo-password", description = "Ask for the sudo password of a non-root user.")
    boolean askSudoPassword;

    @Option(names = "--accept-new-host-keys", description = "Trust host keys seen for the first time (for scripts); changed keys are always refused.")
    boolean acceptNewHostKeys;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "Tandem's own known-hosts store (default ~/.config/tandem/known_hosts).")
    Path knownHosts;

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
        List<Authentication> auth = authentications();
        Sudo sudo = sudo();
        HostKeyStore store = knownHosts == null ? HostKeyStore.forCurrentUser()
                : new HostKeyStore(List.of(Path.of(System.getProperty("user.home"), ".ssh/known_hosts")), knownHosts);
        HostKeyPrompt prompt = hostKeyPrompt(err);
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
                ConnectionSettings settings = ConnectionSettings.of(target, auth, store, prompt).withSudo(sudo)
                        .withPassphrasePrompt((file, attempt) -> readSecret("Passphrase for " + file + ": "));
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

    private List<Authentication> authentications() {
        List<Authentication> auth = new ArrayList<>();
        for (Path identity : identities) {
            auth.add(new Authentication.KeyFile(identity));
        }
        if (identities.isEmpty() && System.getenv("SSH_AUTH_SOCK") != null) {
            auth.add(new Authentication.Agent());
        }
        if (askPassword) {
            auth.add(new Authentication.Password(readSecret("Password for " + user + ": ")
                    .orElseThrow(() -> new UserError("No password given.", ExitCodes.BAD_INPUT))));
        }
        if (auth.isEmpty()) {
            throw new UserError("No way to log in: give --identity FILE, start ssh-agent, or use --ask-password.", ExitCodes.BAD_INPUT);
        }
        return auth;
    }

    private Sudo sudo() {
        if (askSudoPassword) {
            return new Sudo.WithPassword(readSecret("sudo password for " + user + ": ")
                    .orElseThrow(() -> new UserError("No sudo password given.", ExitCodes.BAD_INPUT)));
        }
        return Sudo.forUser(user);
    }

    private HostKeyPrompt hostKeyPrompt(PrintWriter err) {
        Console console = System.console();
        return key -> {
            String description = key.host() + (key.port() == 22 ? "" : ":" + key.port()) + " presents a new host key: " + key.keyType()
                    + " " + key.fingerprint();
            if (acceptNewHostKeys) {
                err.println(description + " (accepted: --accept-new-host-keys)");
                return true;
            }
            if (console == null) {
                err.println(description + ". Refused: check the fingerprint on the server (ssh-keygen -lf /etc/ssh/ssh_host_"
                        + key.keyType().replace("ssh-", "").replaceAll("-.*", "") + "_key.pub), then run again with --accept-new-host-keys.");
                return false;
            }
            String answer = console.readLine("%s%nTrust this key? Compare it with the server's own fingerprint first. [yes/no] ", description);
            return answer != null && answer.strip().equalsIgnoreCase("yes");
        };
    }

    /** Reads a secret from the terminal without echo; never from arguments or the environment. */
    static java.util.Optional<Secret> readSecret(String prompt) {
        Console console = System.console();
        if (console == null) {
            return java.util.Optional.empty();
        }
        char[] chars = console.readPassword("%s", prompt);
        return chars == null || chars.length == 0 ? java.util.Optional.empty() : java.util.Optional.of(Secret.of(new String(chars)));
    }
}
