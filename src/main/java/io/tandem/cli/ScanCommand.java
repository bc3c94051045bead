package io.tandem.cli;

import io.tandem.discovery.SshScanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Lists the hosts of a subnet that answer SSH (a TCP connect and the server's banner; no login).",
                "At most a /22 at a time. Scan only networks you are responsible for."})
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CIDR", description = "The subnet, e.g. 192.168.1.0/24.")
    String cidr;

    @Option(names = "--port", defaultValue = "22", description = "SSH port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--timeout-ms", defaultValue = "800", description = "Per host (default ${DEFAULT-VALUE} ms).")
    int timeoutMs;

    @Option(names = "--concurrency", defaultValue = "64", description = "Hosts probed at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (port < 1 || port > 65535 || timeoutMs < 50 || timeoutMs > 60000 || concurrency < 1 || concurrency > 256) {
            throw new UserError("--port must be 1–65535, --timeout-ms 50–60000 and --concurrency 1–256.", ExitCodes.BAD_INPUT);
        }
        List<SshScanner.Found> found;
        try {
            found = SshScanner.scan(cidr, new SshScanner.Settings(port, concurrency, Duration.ofMillis(timeoutMs), Duration.ofMinutes(5)),
                    done -> { });
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + ".", ExitCodes.BAD_INPUT);
        }
        found.forEach(f -> out.println(f.address() + ":" + f.port() + "  " + f.banner()));
        out.println(found.size() + " host(s) answer SSH in " + cidr + ".");
        return ExitCodes.OK;
    }
}
