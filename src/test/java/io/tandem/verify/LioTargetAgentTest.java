package io.tandem.verify;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.modern.LioAgentRenderer;
import io.tandem.render.modern.PacemakerLayout.Nvpair;
import io.tandem.render.modern.PacemakerLayout.Primitive;
import io.tandem.testing.Variants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tandem's resource agent (ocf:tandem:LioTarget) run with sh here, where there is no LIO: its
 * meta-data is OCF metadata that declares every parameter the CIB gives it, and its parameter checks
 * (which run before it touches configfs) refuse bad values with OCF's "not configured" without
 * printing a secret. What it does to LIO is proven in the VM lab (lab/vm-agent-test).
 */
class LioTargetAgentTest {

    @TempDir
    static Path dir;
    private static Path agent;

    @BeforeAll
    static void copyAgent() throws IOException {
        agent = dir.resolve("LioTarget");
        Files.writeString(agent, LioAgentRenderer.agentScript());
    }

    private static LocalCommand.Output run(Map<String, String> params, String action) throws IOException {
        Map<String, String> env = new HashMap<>();
        params.forEach((k, v) -> env.put("OCF_RESKEY_" + k, v));
        return LocalCommand.run(List.of("sh", agent.toString(), action), env, dir, Duration.ofSeconds(30));
    }

    private static Primitive lioPrimitive(Project project) {
        FileSet files = Renderers.render(project);
        return ResourceAgentCheck.cibPrimitives(files).stream().filter(p -> p.agent().equals(LioAgentRenderer.AGENT)).findFirst().orElseThrow();
    }

    @Test
    void metaDataIsOcfMetadataDeclaringEveryParameterTheCibSets() throws IOException {
        var out = run(Map.of(), "meta-data");
        assertThat(out.exitCode()).isZero();
        Element root = SimulationResultParser.parse(out.stdout().replaceFirst("<!DOCTYPE[^>]*>", "")).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("resource-agent");
        assertThat(root.getAttribute("name")).isEqualTo("LioTarget");
        List<String> actions = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName("action");
        for (int i = 0; i < nodes.getLength(); i++) {
            actions.add(((Element) nodes.item(i)).getAttribute("name"));
        }
        assertThat(actions).containsExactlyInAnyOrder("start", "stop", "monitor", "validate-all", "meta-data");

        AgentMetadata metadata = AgentMetadata.parse(out.stdout());
        Primitive primitive = lioPrimitive(Variants.withMutualAndDiscoveryChap());
        assertThat(primitive.params()).extracting(Nvpair::name).containsExactly("iqn", "portals", "luns", "allowed_initiators",
                "incoming_username", "incoming_password", "outgoing_username", "outgoing_password", "discovery_username",
                "discovery_password", "session_parameters");
        assertThat(ParameterJudge.judge(primitive, metadata, java.util.Optional.empty(), java.util.Set.of())).isEmpty();
        assertThat(metadata.parameters().keySet()).contains("discovery_outgoing_username", "discovery_outgoing_password");
        assertThat(metadata.parameters().values().stream().filter(AgentMetadata.Parameter::required).map(AgentMetadata.Parameter::name))
                .containsExactlyInAnyOrder("iqn", "portals", "luns", "allowed_initiators");
    }

    /** What ocf-tester checks with xmllint: the meta-data is valid against resource-agents' ra-api-1.dtd. */
    @Test
    void metaDataIsValidAgainstTheOcfDtd() throws Exception {
        Path dtd = Path.of("/usr/share/resource-agents/ra-api-1.dtd");
        io.tandem.testing.RealTools.requireResourceAgents();
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setValidating(true);
        var builder = factory.newDocumentBuilder();
        // The DOCTYPE names ra-api-1.dtd: resolve it to the installed file and nothing else.
        builder.setEntityResolver((publicId, systemId) -> {
            if (systemId != null && systemId.endsWith("/ra-api-1.dtd") || "ra-api-1.dtd".equals(systemId)) {
                return new org.xml.sax.InputSource(Files.newInputStream(dtd));
            }
            throw new org.xml.sax.SAXException("unexpected entity " + systemId);
        });
        List<String> errors = new ArrayList<>();
        builder.setErrorHandler(new org.xml.sax.ErrorHandler() {
            public void warning(org.xml.sax.SAXParseException e) { errors.add("warning: " + e.getMessage()); }
            public void error(org.xml.sax.SAXParseException e) { errors.add(e.getMessage()); }
            public void fatalError(org.xml.sax.SAXParseException e) { errors.add(e.getMessage()); }
        });
        builder.parse(new java.io.ByteArrayInputStream(run(Map.of(), "meta-data").stdout().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(errors).isEmpty();
    }

    @Test
    void theRenderedParametersPassItsOwnChecksAndItReportsNotRunningWithoutLio() throws IOException {
        // monitor validates everything but the devices, then finds no target: 7, not running.
        var out = run(values(lioPrimitive(Variants.withMutualAndDiscoveryChap())), "monitor");
        assertThat(out.exitCode()).as(out.stderr()).isEqualTo(7);
        // stop on a node without LIO has nothing to remove.
        assertThat(run(values(lioPrimitive(Variants.withMutualAndDiscoveryChap())), "stop").exitCode()).isZero();
    }

    @Test
    void badValuesAreRefusedAsNotConfiguredWithoutShowingASecret() throws IOException {
        Map<String, String> good = values(lioPrimitive(Variants.withMutualAndDiscoveryChap()));
        String incoming = good.get("incoming_password");
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("iqn", "iqn.2024-01.lab:store");
        bad.put("portals", "192.168.50.300:3260");
        bad.put("luns", "0:/dev/drbd0:5a7c00000001:tandem-r0 0:/dev/drbd1");
        bad.put("allowed_initiators", "client");
        bad.put("outgoing_password", incoming);
        bad.put("incoming_password", "two words secret");
        bad.put("session_parameters", "MaxConnections=1 Bogus=2");
        for (var entry : bad.entrySet()) {
            Map<String, String> params = new HashMap<>(good);
            params.put(entry.getKey(), entry.getValue());
            var out = run(params, "monitor");
            assertThat(out.exitCode()).as(entry.getKey() + ": " + out.stderr()).isEqualTo(6);
            assertThat(out.stderr()).as(entry.getKey()).isNotBlank().doesNotContain(incoming).doesNotContain(good.get("outgoing_password"))
                    .doesNotContain("two words secret");
            // A stop with a configuration nothing could have started with succeeds: Pacemaker must not fence for it.
            assertThat(run(params, "stop").exitCode()).as(entry.getKey()).isZero();
        }
        Map<String, String> unknown = new HashMap<>(good);
        assertThat(run(unknown, "promote").exitCode()).isEqualTo(3);
    }

    /** The primitive's values with the secrets revealed, as Pacemaker hands them to the agent. */
    private static Map<String, String> values(Primitive redacted) {
        FileSet files = Renderers.render(Variants.withMutualAndDiscoveryChap());
        RenderedFile cib = files.find(RenderedFile.CLUSTER, io.tandem.render.modern.CibRenderer.PATH).orElseThrow();
        Primitive revealed = new CibReader(files.text(cib, io.tandem.render.SecretPolicy.REVEAL)).primitives().stream()
                .filter(p -> p.id().equals(redacted.id())).findFirst().orElseThrow();
        Map<String, String> values = new HashMap<>();
        revealed.params().forEach(p -> values.put(p.name(), p.value()));
        return values;
    }
}
