package io.tandem.verify;

import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.SecretBook;
import io.tandem.render.modern.PacemakerLayout.Nvpair;
import io.tandem.render.modern.PacemakerLayout.Primitive;
import io.tandem.render.modern.PacemakerLayoutBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every parameter Tandem sets on a fence primitive must be one the installed agent declares in its
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
        // Parameter names and plain values are what matter here; secrets stay references.
        List<Primitive> fencing = PacemakerLayoutBuilder.build(project, new SecretBook()).fenceDevices();
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
        List<String> wrong = new ArrayList<>();
        for (Nvpair param : primitive.params()) {
            var declared = agent.parameter(param.name()).or(() -> fencer.parameter(param.name()));
            if (declared.isEmpty()) {
                wrong.add(param.name() + " is not a parameter of " + agent.agent());
                continue;
            }
            if (declared.get().deprecated()) {
                wrong.add(param.name() + " is deprecated in " + agent.agent());
            }
            if (!param.value().contains("\u0001")) {
                declared.get().rejects(param.value()).ifPresent(reason -> wrong.add(param.name() + ": " + reason));
            }
        }
        Set<String> set = new java.util.HashSet<>(primitive.params().stream().map(Nvpair::name).toList());
        for (AgentMetadata.Parameter p : agent.parameters().values()) {
            if (p.required() && !p.deprecated() && !SUPPLIED_BY_FENCER.contains(p.name()) && !set.contains(p.name())) {
                wrong.add(agent.agent() + " requires " + p.name());
            }
        }
        return wrong;
    }

    private static AgentMetadata cached(Map<String, AgentMetadata> cache, String key, Path program, List<String> args, Path workDir)
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
