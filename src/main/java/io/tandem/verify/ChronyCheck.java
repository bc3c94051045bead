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
import java.util.List;
import java.util.Map;

/**
 * {@code chronyd -p -f FILE} on each node's chrony fragment: chronyd parses it as it would at start
 * (an unknown directive or option is fatal) and prints the directives it read, which must be the
 * project's time servers, the peer node's replication address, the replication network as the
 * clients it serves, and orphan mode.
 */
public final class ChronyCheck implements ToolCheck {

    static final String TOOL = "chronyd -p";
    static final String PATH = "/etc/chrony/conf.d/tandem.conf";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        List<CheckResult> results = new ArrayList<>();
        if (project.profile() != Profile.MODERN) {
            return results;
        }
        var chronyd = LocalCommand.find("chronyd");
        for (Node node : project.nodes()) {
            String subject = node.name() + " " + PATH;
            if (chronyd.isEmpty()) {
                results.add(CheckResult.skipped(TOOL, subject, "not installed (apt-get install chrony)"));
                continue;
            }
            try {
                Path dir = Files.createDirectories(workDir.resolve("chrony-" + node.name()));
                RenderedFile file = files.find(node.name(), PATH).orElseThrow();
                Path config = dir.resolve("tandem.conf");
                Files.writeString(config, files.text(file, SecretPolicy.REVEAL));
                var out = LocalCommand.run(List.of(chronyd.get().toString(), "-p", "-f", config.toString()), Map.of(), dir, TIMEOUT);
                if (!out.ok()) {
                    results.add(CheckResult.fail(TOOL, subject, "exit " + out.exitCode() + ": " + out.stderr().strip()));
                    continue;
                }
                List<String> wrong = differences(project, node, out.stdout());
                results.add(wrong.isEmpty() ? CheckResult.pass(TOOL, subject, "parsed; sources and peer as the project says")
                        : CheckResult.fail(TOOL, subject, String.join("; ", wrong)));
            } catch (IOException e) {
                results.add(CheckResult.fail(TOOL, subject, e.getMessage()));
            }
        }
        return results;
    }

    /** The directives chronyd printed, compared with what the project asks of this node. */
    static List<String> differences(Project project, Node node, String printed) {
        List<List<String>> directives = printed.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> List.of(l.split("\\s+"))).toList();
        List<String> wrong = new ArrayList<>();
        List<String> servers = arguments(directives, "server");
        if (!servers.equals(project.timeOrDefault().servers())) {
            wrong.add("servers " + servers + ", the project says " + project.timeOrDefault().servers());
        }
        String peer = project.peerOf(node.name()).address(NetworkRole.REPLICATION);
        if (!arguments(directives, "peer").equals(List.of(peer))) {
            wrong.add("peer " + arguments(directives, "peer") + ", the peer node's replication address is " + peer);
        }
        String network = project.networks().replication().cidr();
        if (!arguments(directives, "allow").equals(List.of(network))) {
            wrong.add("serves " + arguments(directives, "allow") + ", the replication network is " + network);
        }
        if (!directives.contains(List.of("local", "stratum", "10", "orphan"))) {
            wrong.add("orphan mode (local stratum 10 orphan) is off");
        }
        return wrong;
    }

    private static List<String> arguments(List<List<String>> directives, String name) {
        return directives.stream().filter(d -> d.getFirst().equals(name) && d.size() > 1).map(d -> d.get(1)).toList();
    }
}
