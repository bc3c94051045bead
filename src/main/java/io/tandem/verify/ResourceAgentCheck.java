package io.tandem.verify;

import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.CibRenderer;
import io.tandem.render.modern.LioAgentRenderer;
import io.tandem.render.modern.PacemakerLayout.Primitive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every parameter of every OCF resource in the CIB file (DRBD, portblock, IPaddr2, iSCSITarget,
 * iSCSILogicalUnit, …) must be one the installed agent declares in its metadata, with a value of
 * the declared type and not deprecated, and every parameter the agent requires must be set.
 * Neither crm_verify nor crm_simulate runs the agents, so neither notices a misspelt parameter:
 * the agent would start without it. The metadata comes from Pacemaker itself
 * ({@code crm_resource --show-metadata}), which runs the agent's {@code meta-data} action locally;
 * for Tandem's own ocf:tandem:LioTarget, from the agent Tandem ships (it is not installed here).
 */
public final class ResourceAgentCheck implements ToolCheck {

    static final String TOOL = "resource agent metadata";

    @Override
    public List<CheckResult> run(Project project, FileSet files, Path workDir) {
        List<CheckResult> results = new ArrayList<>();
        if (project.profile() != Profile.MODERN) {
            return results;
        }
        List<Primitive> primitives;
        try {
            primitives = cibPrimitives(files).stream().filter(p -> p.agentClass().equals("ocf")).toList();
        } catch (IllegalArgumentException e) {
            results.add(CheckResult.fail(TOOL, "cluster/cib.xml", e.getMessage()));
            return results;
        }
        var crmResource = LocalCommand.find("crm_resource");
        Map<String, AgentMetadata> agents = new HashMap<>();
        for (Primitive primitive : primitives) {
            String subject = "cluster/cib.xml " + primitive.id() + " (" + primitive.agent() + ")";
            if (primitive.agent().equals(LioAgentRenderer.AGENT)) {
                results.add(judgeTandemAgent(primitive, subject, agents, workDir));
                continue;
            }
            if (crmResource.isEmpty()) {
                results.add(CheckResult.skipped(TOOL, subject, "needs crm_resource (apt-get install pacemaker-cli-utils resource-agents drbd-utils)"));
                continue;
            }
            try {
                AgentMetadata metadata = FenceAgentCheck.cached(agents, primitive.agent(), crmResource.get(),
                        List.of("--show-metadata", primitive.agent()), Files.createDirectories(workDir));
                List<String> wrong = ParameterJudge.judge(primitive, metadata, Optional.empty(), Set.of());
                results.add(wrong.isEmpty()
                        ? CheckResult.pass(TOOL, subject, primitive.params().size() + " parameters declared by the installed agent")
                        : CheckResult.fail(TOOL, subject, String.join("; ", wrong)));
            } catch (IOException | IllegalArgumentException e) {
                results.add(CheckResult.fail(TOOL, subject, e.getMessage()));
            }
        }
        return results;
    }

    /**
     * Tandem's own agent is not installed here but shipped with Tandem: its metadata comes from the
     * bundled script's own meta-data action, run with sh from a copy in the check's directory.
     */
    private static CheckResult judgeTandemAgent(Primitive primitive, String subject, Map<String, AgentMetadata> agents, Path workDir) {
        var sh = LocalCommand.find("sh");
        if (sh.isEmpty()) {
            return CheckResult.skipped(TOOL, subject, "needs sh");
        }
        try {
            Path dir = Files.createDirectories(workDir.resolve("tandem-agent"));
            Path script = dir.resolve("LioTarget");
            Files.writeString(script, LioAgentRenderer.agentScript());
            AgentMetadata metadata = FenceAgentCheck.cached(agents, primitive.agent(), sh.get(), List.of(script.toString(), "meta-data"), dir);
            List<String> wrong = ParameterJudge.judge(primitive, metadata, Optional.empty(), Set.of());
            return wrong.isEmpty()
                    ? CheckResult.pass(TOOL, subject, primitive.params().size() + " parameters declared by Tandem's agent")
                    : CheckResult.fail(TOOL, subject, String.join("; ", wrong));
        } catch (IOException | IllegalArgumentException e) {
            return CheckResult.fail(TOOL, subject, e.getMessage());
        }
    }

    /** The primitives of the rendered CIB file, secrets redacted: names and plain values are what the metadata judges. */
    static List<Primitive> cibPrimitives(FileSet files) {
        RenderedFile cib = files.find(RenderedFile.CLUSTER, CibRenderer.PATH)
                .orElseThrow(() -> new IllegalArgumentException("there is no cluster/cib.xml"));
        return new CibReader(files.text(cib, SecretPolicy.REDACT)).primitives();
    }
}
