package io.tandem.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.discovery.CompatibilityReport;
import io.tandem.discovery.FactScript;
import io.tandem.discovery.HostFacts;
import io.tandem.discovery.NodeDiscovery;
import io.tandem.facts.HostFilesParser;
import io.tandem.verify.LocalCommand;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host that answers with terminal escape sequences (a window title, a screen clear, a C1 CSI, a
 * right-to-left override) in its os-release name, NIC names, a file name and contents, and a fact
 * that does not parse: what {@code tandem discover} and {@code tandem scan} print holds none of
 * them, only visible escapes.
 */
class HostileHostTextTest {

    private static final String TITLE = "\u001b]0;pwned\u0007";
    private static final String CLEAR = "\u001b[2J";
    private static final String C1_CSI = "\u009b31m";
    private static final String RLO = "\u202e";

    @TempDir
    Path dir;

    private HostFacts hostileHost() throws Exception {
        Map<String, FactScript.Section> sections = new LinkedHashMap<>(FactScript.parse(resource("/fixtures/vmlab/node1.fresh.discovery_facts.txt"),
                "fixture"));
        sections.put("os-release", new FactScript.Section("PRETTY_NAME=\"Debian" + TITLE + CLEAR + C1_CSI + RLO + "lave\"\nID=debian\n"
                + "VERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n", 0));
        // Real iproute2 output for NICs named with ESC/BEL, C1 CSI and a right-to-left override.
        sections.put("ip-link", new FactScript.Section(resource("/fixtures/local/ip_j_d_link.netns_hostile_names.txt"), 0));
        sections.put("ip-addr", new FactScript.Section(resource("/fixtures/local/ip_j_addr.netns_hostile_names.txt"), 0));
        sections.put("nic-hardware", new FactScript.Section(resource("/fixtures/local/nic_hardware.netns_hostile_names.txt"), 0));
        sections.put("uname", new FactScript.Section("Hurd" + CLEAR + " 0.9 i686\n", 0));
        sections.put("fqdn", new FactScript.Section("node1" + TITLE + ".example\n", 0));
        // The file reader run for real on a file whose name and content carry the sequences.
        Path hostile = Files.writeString(dir.resolve("x" + TITLE + RLO + "fnoc.conf"), "option " + CLEAR + "\r\n");
        var run = LocalCommand.run(List.of("sh", "-c", HostFilesParser.command(List.of(hostile.toString()), List.of(), List.of())),
                Map.of(), dir, Duration.ofSeconds(20));
        sections.put("files", new FactScript.Section(run.stdout(), run.exitCode()));
        return NodeDiscovery.read("tandem@node1", sections, 0, 0, 1, Duration.ofSeconds(1));
    }

    @Test
    void discoverPrintsVisibleEscapesInsteadOfTheHostsControlCharacters() throws Exception {
        HostFacts facts = hostileHost();
        StringWriter text = new StringWriter();
        FactsPrinter.print(facts, new PrintWriter(text));
        CompatibilityReport.forNode(facts).forEach(c -> text.append(c.describe()).append('\n'));

        assertSafe(text.toString());
        assertThat(text.toString()).contains(
                "Debian\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u202elave",
                "e\\x1b]0;pwned\\x07 ", "n\\x9b2J ", "x\\u202efnoc ",
                "x\\x1b]0;pwned\\x07\\u202efnoc.conf (present",
                "node1\\x1b]0;pwned\\x07.example",
                "Hurd\\x1b[2J");
        assertThat(facts.files().files().values()).filteredOn(f -> f.state() == io.tandem.facts.HostFile.State.PRESENT).singleElement()
                .satisfies(f -> assertThat(f.content()).as("multi-line text keeps its newline").isEqualTo("option \\x1b[2J\\x0d\n"));
        assertThat(facts.addresses().get("e\\x1b]0;pwned\\x07")).as("the escaped name still finds its addresses")
                .extracting(a -> a.cidr()).contains("10.98.0.1/24");
    }

    @Test
    void discoverJsonHoldsNoControlCharacterEvenAfterDecoding() throws Exception {
        HostFacts facts = hostileHost();
        String json = DiscoverCommand.json(List.of(facts), CompatibilityReport.forNode(facts));

        assertSafe(json);
        List<String> values = new ArrayList<>();
        collectText(new ObjectMapper().readTree(json), values);
        // What `jq -r` would print: the decoded values, not only the JSON text, must be harmless.
        assertThat(values).allSatisfy(HostileHostTextTest::assertSafe);
        assertThat(values).contains("Debian\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u202elave", "e\\x1b]0;pwned\\x07");
    }

    @Test
    void scanPrintsABannerWithEscapes(@TempDir Path keys) throws Exception {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(keys.resolve("k")));
        server.setPasswordAuthenticator((u, p, s) -> false);
        // A real SSH server whose identification string carries a title-setting sequence.
        CoreModuleProperties.SERVER_IDENTIFICATION.set(server, "Evil" + TITLE + CLEAR);
        server.start();
        try {
            CliTest.Run run = CliTest.tandem("scan", "127.0.0.0/30", "--port", Integer.toString(server.getPort()), "--timeout-ms", "2000");
            assertThat(run.out()).contains("127.0.0.1:" + server.getPort() + "  SSH-2.0-Evil\\x1b]0;pwned\\x07\\x1b[2J");
            assertSafe(run.out());
        } finally {
            server.stop(true);
        }
    }

    /** No C0 control but newline and tab, no DEL, no C1, no bidi control. */
    static void assertSafe(String text) {
        assertThat(text.codePoints().filter(c -> (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c)
                .mapToObj(c -> String.format("U+%04X", c)).toList()).as("control characters in: %s", text.replace("\u001b", "<ESC>"))
                .isEmpty();
    }

    private static void collectText(JsonNode node, List<String> into) {
        node.fieldNames().forEachRemaining(into::add);
        if (node.isTextual()) {
            into.add(node.textValue());
        }
        node.forEach(child -> collectText(child, into));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HostileHostTextTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
