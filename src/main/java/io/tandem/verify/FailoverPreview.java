package io.tandem.verify;

import io.tandem.model.Node;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.CibRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What Pacemaker would do with the generated CIB, computed by {@code crm_simulate} without any
 * cluster: where everything starts with both nodes up, and where it goes when the preferred node
 * is lost. No agent runs; the scheduler's decisions are real.
 */
public final class FailoverPreview {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Placements after start-up and after losing {@code lostNode}. */
    public record Result(List<ResourcePlacement> start, String lostNode, List<ResourcePlacement> afterLoss) {

        /** Nodes on which {@code resource} runs in {@code role} (e.g. Started, Promoted). */
        public static List<String> nodesOf(List<ResourcePlacement> placements, String resource, String role) {
            return placements.stream().filter(p -> p.resource().equals(resource) && p.role().equals(role) && p.node() != null)
                    .map(ResourcePlacement::node).toList();
        }
    }

    public static boolean available() {
        return LocalCommand.find("crm_simulate").isPresent();
    }

    public static Result run(Project project, FileSet files, Path workDir) throws IOException {
        Path simulate = LocalCommand.find("crm_simulate").orElseThrow(() -> new IOException("crm_simulate is not installed"));
        Path dir = Files.createDirectories(workDir.resolve("simulation"));
        Path initial = dir.resolve("cib-online.xml");
        Files.writeString(initial, SimulationCib.withBothNodesOnline(project, cibText(files)));
        Path running = dir.resolve("cib-running.xml");
        var start = LocalCommand.run(List.of(simulate.toString(), "-x", initial.toString(), "-S", "-O", running.toString(),
                "--output-as=xml"), env(dir), dir, TIMEOUT);
        if (!start.ok()) {
            throw new IOException("crm_simulate (start) exit " + start.exitCode() + ": " + start.stderr().strip());
        }
        String lost = project.cluster().preferredNode();
        var failover = LocalCommand.run(List.of(simulate.toString(), "-x", running.toString(), "-S", "--node-down", lost,
                "--output-as=xml"), env(dir), dir, TIMEOUT);
        if (!failover.ok()) {
            throw new IOException("crm_simulate (node down) exit " + failover.exitCode() + ": " + failover.stderr().strip());
        }
        return new Result(SimulationResultParser.placements(start.stdout()), lost, SimulationResultParser.placements(failover.stdout()));
    }

    /** Placements after start-up when the drbd agent scores promotion as {@code promotionScores} says (see {@link SimulationCib}). */
    public static List<ResourcePlacement> start(Project project, FileSet files, Path workDir, Map<String, Integer> promotionScores)
            throws IOException {
        Path simulate = LocalCommand.find("crm_simulate").orElseThrow(() -> new IOException("crm_simulate is not installed"));
        Path dir = Files.createDirectories(workDir.resolve("simulation-scores"));
        Path initial = dir.resolve("cib-online.xml");
        Files.writeString(initial, SimulationCib.withBothNodesOnline(project, cibText(files), promotionScores));
        var start = LocalCommand.run(List.of(simulate.toString(), "-x", initial.toString(), "-S", "--output-as=xml"), env(dir), dir, TIMEOUT);
        if (!start.ok()) {
            throw new IOException("crm_simulate (start) exit " + start.exitCode() + ": " + start.stderr().strip());
        }
        return SimulationResultParser.placements(start.stdout());
    }

    static String cibText(FileSet files) {
        RenderedFile cib = files.find(RenderedFile.CLUSTER, CibRenderer.PATH).orElseThrow();
        // Simulation never leaves this machine; revealing keeps the file identical to what a node gets.
        return files.text(cib, SecretPolicy.REVEAL);
    }

    /** crm_simulate wants a writable $HOME for its shadow directory. */
    static Map<String, String> env(Path dir) {
        return Map.of("HOME", dir.toString());
    }

    /** The names of the other nodes, for messages. */
    static String other(Project project, String node) {
        return project.nodes().stream().map(Node::name).filter(n -> !n.equals(node)).findFirst().orElse("?");
    }
}
