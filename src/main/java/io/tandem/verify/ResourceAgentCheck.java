package io.tandem.verify;

import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.CibRenderer;
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
 * Every parameter of every OCF resource in the CIB file (DRBD, portblock, VirtualIp, iSCSITarget,
 * iSCSILogicalUnit, …) must be one the installed agent declares in its metadata, with a value of
 * the declared type and not deprecated, and every parameter the agent requires must be set.
 * Neither crm_verify nor crm_simulate runs the agents, so neither notices a misspelt parameter:
 * the agent would start without it. The metadata comes from Pacemaker itself
 * ({@code crm_resource --show-metadata}), which runs the agent's {@code meta-data} action locally;
 * for Tandem's own agents ({@code ocf:tandem:}, placed on the nodes as files) from the rendered
 * agent's {@code meta-data} ({@link BundledAgents}).
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
            if (crmResource.isEmpty() && !BundledAgents.isBundled(primitive)) {
                results.add(CheckResult.skipped(TOOL, subject, "needs crm_resource (apt-get install pacemaker-cli-utils resource-agents drbd-utils)"));
                continue;
            }
            try {
                Path dir = java.nio.file.Files.createDirectories(workDir);
                AgentMetadata metadata = BundledAgents.isBundled(primitive)
                        ? BundledAgents.metadata(project, files, primitive, agents, dir)
                        : FenceAgentCheck.cached(agents, primitive.agent(), crmResource.get(), List.of("--show-metadata", primitive.agent()), dir);
                List<String> wrong = ParameterJudge.judge(primitive, metadata, Optional.empty(), Set.of());
                results.add(wrong.isEmpty()
                        ? CheckResult.pass(TOOL, subject, primitive.params().size() + " parameters declared by "
                                + (BundledAgents.isBundled(primitive) ? "the agent Tandem installs" : "the installed agent"))
                        : CheckResult.fail(TOOL, subject, String.join("; ", wrong)));
            } catch (IOException | IllegalArgumentException e) {
                results.add(CheckResult.fail(TOOL, subject, e.getMessage()));
            }
        }
        return results;
    }

    /** The primitives of the rendered CIB file, secrets redacted: names and plain values are what the metadata judges. */
    static List<Primitive> cibPrimitives(FileSet files) {
        RenderedFile cib = files.find(RenderedFile.CLUSTER, CibRenderer.PATH)
                .orElseThrow(() -> new IllegalArgumentException("there is no cluster/cib.xml"));
        return new CibReader(files.text(cib, SecretPolicy.REDACT)).primitives();
    }
}
