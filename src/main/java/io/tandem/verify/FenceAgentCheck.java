package io.tandem.verify;

import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.modern.PacemakerLayout.Primitive;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every parameter the CIB file sets on a fence primitive must be one the installed agent declares in its
 * metadata ({@code fence_X -o metadata}), or one of Pacemaker's fencer ({@code pcmk_*}), with a
 * value of the declared type, not deprecated; and every parameter the agent requires is set.
 * crm_verify checks none of this: it does not run the agents.
 */
public final class FenceAgentCheck implements ToolCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TOOL = "fence agent metadata";
    /** Where Debian (lib) and the RHEL family (libexec) install Pacemaker's fencer. */
    public static final List<String> FENCER = List.of("/usr/lib/pacemaker/pacemaker-fenced", "/usr/libexec/pacemaker/pacemaker-fenced");
    /** Supplied by the fencer on every call: the action, and the node as plug (pcmk_host_argument defaults to port/plug). */
    private static final Set<String> SUPPLIED_BY_FENCER = Set.of("action", "plug", "port", "nodename");

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        List<CheckResult> results = new ArrayList<>();
        if (project.profile() != Profile.MODERN) {
            return results;
        }
        // The CIB as written (a misspelt name in the file is what must be caught); names and plain
        // values are what matter here, so its secrets stay redacted.
        List<Primitive> fencing;
        try {
            fencing = ResourceAgentCheck.cibPrimitives(files).stream().filter(p -> p.agentClass().equals("stonith")).toList();
        } catch (IllegalArgumentException e) {
            results.add(CheckResult.fail(TOOL, "cluster/cib.xml", e.getMessage()));
            return results;
        }
        if (fencing.isEmpty()) {
            return results;
        }
        var fencer = LocalCommand.find(FENCER.toArray(String[]::new));
        Map<String, AgentMetadata> agents = new HashMap<>();
        for (Primitive primitive : fencing) {
            String subject = "cluster/cib.xml " + primitive.id() + " (" + primitive.type() + ")";
            var agent = LocalCommand.find(primitive.type());
            if (agent.isEmpty() || fencer.isEmpty()) {
                results.add(CheckResult.skipped(TOOL, subject, "needs " + primitive.type() + " and pacemaker-fenced "
                        + "(apt-get install fence-agents pacemaker)"));
                continue;
            }
            try {
                AgentMetadata metadata = cached(agents, primitive.type(), agent.get(), List.of("-o", "metadata"), workDir);
                AgentMetadata pacemaker = cached(agents, "pacemaker-fenced", fencer.get(), List.of("metadata"), workDir);
                List<String> wrong = judge(primitive, metadata, pacemaker);
                results.add(wrong.isEmpty()
                        ? CheckResult.pass(TOOL, subject, primitive.params().size() + " parameters declared by " + metadata.agent()
                        + " or the fencer")
                        : CheckResult.fail(TOOL, subject, String.join("; ", wrong)));
            } catch (IOException | IllegalArgumentException e) {
                results.add(CheckResult.fail(TOOL, subject, e.getMessage()));
            }
        }
        return results;
    }

    /** What is wrong with the primitive's parameters against the agent's and the fencer's metadata. */
    static List<String> judge(Primitive primitive, AgentMetadata agent, AgentMetadata fencer) {
        return ParameterJudge.judge(primitive, agent, java.util.Optional.of(fencer), SUPPLIED_BY_FENCER);
    }

    static AgentMetadata cached(Map<String, AgentMetadata> cache, String key, Path program, List<String> args, Path workDir)
            throws IOException {
        AgentMetadata known = cache.get(key);
        if (known != null) {
            return known;
        }
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(args);
        // stdout only: the agents print Python deprecation warnings on stderr.
        var out = LocalCommand.run(command, Map.of(), workDir, TIMEOUT);
        if (!out.ok()) {
            throw new IOException(program.getFileName() + " " + String.join(" ", args) + " exit " + out.exitCode() + ": "
                    + out.stderr().strip());
        }
        AgentMetadata metadata = AgentMetadata.parse(out.stdout());
        cache.put(key, metadata);
        return metadata;
    }
}
