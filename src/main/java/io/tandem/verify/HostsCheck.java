package io.tandem.verify;

import io.tandem.model.NetworkRole;
import io.tandem.model.Node;
import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code /etc/hosts} block of every host, read back by the C library's resolver: in a sandbox
 * the file is mounted over /etc/hosts with {@code hosts: files} as the only name service, and
 * {@code getent hosts} looks up each name Tandem writes. Every node name, full name and
 * {@code NAME-repl} must resolve to that node's address on its network, the VIP name to the VIP.
 */
public final class HostsCheck implements ToolCheck {

    static final String TOOL = "getent hosts";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** One lookup per line; a name the file lacks prints {@code NAME -}. */
    private static final String SCRIPT = """
            mount --bind "$HOSTS" /etc/hosts
            mount --bind "$NSSWITCH" /etc/nsswitch.conf
            for name in $NAMES; do
              line=$(getent hosts "$name") || line='-'
              printf '%s %s\\n' "$name" "${line%% *}"
            done
            """;

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        List<CheckResult> results = new ArrayList<>();
        if (project.profile() != Profile.MODERN) {
            return results;
        }
        var unshare = Sandbox.unshare();
        var noSandbox = Sandbox.whyNot();
        var getent = LocalCommand.find("getent");
        for (String host : files.hosts()) {
            var file = files.find(host, "/etc/hosts");
            if (file.isEmpty()) {
                continue;
            }
            String subject = host + " /etc/hosts";
            if (getent.isEmpty()) {
                results.add(CheckResult.skipped(TOOL, subject, "needs getent (apt-get install libc-bin)"));
                continue;
            }
            if (noSandbox.isPresent()) {
                results.add(CheckResult.skipped(TOOL, subject, noSandbox.get()));
                continue;
            }
            try {
                Map<String, String> resolved = resolve(unshare.get(), files, file.get(), expected(project).keySet().stream().toList(),
                        Files.createDirectories(workDir.resolve("hosts-" + host)));
                List<String> wrong = differences(project, resolved);
                results.add(wrong.isEmpty() ? CheckResult.pass(TOOL, subject, resolved.size() + " names resolve as the project says")
                        : CheckResult.fail(TOOL, subject, String.join("; ", wrong)));
            } catch (IOException e) {
                results.add(CheckResult.fail(TOOL, subject, e.getMessage()));
            }
        }
        return results;
    }

    /** Each name Tandem puts in /etc/hosts, with the address it must resolve to. */
    static Map<String, String> expected(Project project) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Node node : project.nodes()) {
            names.put(node.name(), node.address(NetworkRole.CLIENT));
            names.put(project.fqdn(node), node.address(NetworkRole.CLIENT));
            names.put(node.name() + "-repl", node.address(NetworkRole.REPLICATION));
        }
        names.put(project.clusterName() + "-vip", project.networks().client().virtualIp());
        return names;
    }

    /** Name → the address glibc's files backend returns for it, or "-" when it finds none. */
    static Map<String, String> resolve(Path unshare, FileSet files, RenderedFile file, List<String> names, Path dir) throws IOException {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, files.text(file, SecretPolicy.REVEAL));
        Path nsswitch = dir.resolve("nsswitch.conf");
        Files.writeString(nsswitch, "hosts: files\n");
        var out = Sandbox.run(unshare, SCRIPT, Map.of("HOSTS", hosts.toString(), "NSSWITCH", nsswitch.toString(),
                "NAMES", String.join(" ", names)), dir, TIMEOUT);
        if (!out.ok()) {
            throw new IOException("the sandbox exited " + out.exitCode() + ": " + out.stderr().strip());
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        out.stdout().lines().map(l -> l.split(" ")).filter(w -> w.length == 2).forEach(w -> resolved.put(w[0], w[1]));
        return resolved;
    }

    static List<String> differences(Project project, Map<String, String> resolved) {
        List<String> wrong = new ArrayList<>();
        expected(project).forEach((name, address) -> {
            String got = resolved.getOrDefault(name, "-");
            if (!got.equals(address)) {
                wrong.add(name + " resolves to " + (got.equals("-") ? "nothing" : got) + ", the project says " + address);
            }
        });
        return wrong;
    }
}
