package io.tandem.verify;

import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;
import io.tandem.text.ShellQuote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code corosync -t} on each node's corosync.conf. Corosync insists that the node's own ring0
 * address exists locally, so the test runs in a fresh network namespace (user namespace too, so
 * it needs no root) with the node's addresses on loopback. Two harness-only changes to the file:
 * a throwaway key instead of /etc/corosync/authkey, and a log file in the work directory
 * ({@code -t} writes to the configured log).
 */
public final class CorosyncConfigCheck implements ToolCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        List<CheckResult> results = new ArrayList<>();
        if (project.profile() != Profile.MODERN) {
            return results;
        }
        var corosync = LocalCommand.find("corosync");
        var keygen = LocalCommand.find("corosync-keygen");
        var unshare = LocalCommand.find("unshare");
        var ip = LocalCommand.find("ip");
        for (Node node : project.nodes()) {
            String subject = node.name() + " corosync.conf";
            if (corosync.isEmpty() || keygen.isEmpty()) {
                results.add(CheckResult.skipped("corosync -t", subject, "not installed (apt-get install corosync)"));
                continue;
            }
            if (unshare.isEmpty() || ip.isEmpty()) {
                results.add(CheckResult.skipped("corosync -t", subject, "needs unshare and ip (apt-get install util-linux iproute2)"));
                continue;
            }
            var noSandbox = Sandbox.unavailable(unshare.get());
            if (noSandbox.isPresent()) {
                results.add(CheckResult.skipped("corosync -t", subject, noSandbox.get()));
                continue;
            }
            try {
                Path dir = Files.createDirectories(workDir.resolve("corosync-" + node.name()));
                Path key = dir.resolve("authkey");
                var keyResult = LocalCommand.run(List.of(keygen.get().toString(), "-k", key.toString()), Map.of(), dir, TIMEOUT);
                if (!keyResult.ok()) {
                    results.add(CheckResult.fail("corosync-keygen", subject, keyResult.stderr().strip()));
                    continue;
                }
                RenderedFile conf = files.find(node.name(), "/etc/corosync/corosync.conf").orElseThrow();
                Path config = dir.resolve("corosync.conf");
                Files.writeString(config, harnessCopy(files.text(conf, SecretPolicy.REVEAL), key, dir.resolve("corosync.log")));
                String script = "ip link set lo up"
                        + " && ip addr add " + node.address(NetworkRole.CLIENT) + "/" + project.networks().client().prefixLength() + " dev lo"
                        + " && ip addr add " + node.address(NetworkRole.REPLICATION) + "/" + project.networks().replication().prefixLength() + " dev lo"
                        + " && exec " + ShellQuote.quote(corosync.get().toString()) + " -t -c " + ShellQuote.quote(config.toString());
                var out = LocalCommand.run(List.of(unshare.get().toString(), "-r", "-n", "sh", "-c", script), Map.of(), dir, TIMEOUT);
                results.add(out.ok()
                        ? CheckResult.pass("corosync -t", subject, "valid for " + node.address(NetworkRole.CLIENT))
                        : CheckResult.fail("corosync -t", subject, "exit " + out.exitCode() + ": " + lastLines(out.stderr())));
            } catch (IOException e) {
                results.add(CheckResult.fail("corosync -t", subject, e.getMessage()));
            }
        }
        return results;
    }

    /** The config with a throwaway key and a log file in the work directory: the only changes a check makes to it. */
    public static String harnessCopy(String config, Path key, Path log) {
        if (!config.contains("totem {\n") || !config.contains("logfile: /var/log/corosync/corosync.log")) {
            throw new IllegalArgumentException("unexpected corosync.conf layout");
        }
        return config.replace("totem {\n", "totem {\n    keyfile: " + key + "\n")
                .replace("logfile: /var/log/corosync/corosync.log", "logfile: " + log);
    }

    private static String lastLines(String text) {
        String[] lines = text.strip().split("\n");
        return String.join(" | ", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 3), lines.length));
    }
}
