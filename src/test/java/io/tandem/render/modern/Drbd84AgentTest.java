package io.tandem.render.modern;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import io.tandem.testing.Examples;
import io.tandem.testing.Fixtures;
import io.tandem.testing.JsonEdit;
import io.tandem.testing.StandInTools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered ocf:tandem:Drbd84 under the real sh, with a stand-in drbdadm that changes the role in a
 * test /proc/drbd (copied from the VM lab) and a stand-in for LINBIT's agent that records how it was
 * called: promote and demote run one drbdadm call and check the role; everything else reaches LINBIT's
 * agent with Pacemaker's environment, and no drbdadm runs first.
 */
class Drbd84AgentTest {

    private static final int LINBIT_EXIT = 42;

    @TempDir
    Path work;
    private Path agent;
    private Path proc;

    @BeforeEach
    void setUp() throws IOException {
        FileSet files = Renderers.render(Examples.read(Examples.VM_LAB_IPMI));
        List<RenderedFile> placed = files.files().stream().filter(f -> f.path().equals(Drbd84AgentRenderer.INSTALLED_PATH)).toList();
        assertThat(placed).extracting(RenderedFile::host).containsExactlyInAnyOrder("node1", "node2");
        assertThat(placed).allSatisfy(f -> assertThat(f.mode() & 0111).as("executable").isNotZero());
        agent = executable("Drbd84", files.text(placed.getFirst(), SecretPolicy.REDACT));
        proc = work.resolve("proc-drbd");
        StandInTools.tool(work, "drbdadm", """
                echo "drbdadm $*" >> "$DIR/log"
                [ -f "$DIR/drbdadm-exit" ] && exit "$(cat "$DIR/drbdadm-exit")"
                case $3 in
                  primary) sed -i 's| ro:[A-Za-z]*/| ro:Primary/|' "$TANDEM_PROC_DRBD" ;;
                  secondary) sed -i 's| ro:[A-Za-z]*/| ro:Secondary/|' "$TANDEM_PROC_DRBD" ;;
                esac
                """);
        StandInTools.tool(work, "linbit", """
                echo "linbit $* resource=$OCF_RESKEY_drbd_resource minor=$OCF_RESKEY_minor instance=$OCF_RESOURCE_INSTANCE" >> "$DIR/log"
                exit %d
                """.formatted(LINBIT_EXIT));
    }

    @Test
    void drbd84ClustersRunTandemsAgentWithTheMinorAndDrbd9OnesLinbits() throws Exception {
        String cib = cib(Examples.read(Examples.VM_LAB_IPMI));
        assertThat(cib).contains("<primitive id=\"drbd_r1\" class=\"ocf\" provider=\"tandem\" type=\"Drbd84\">")
                .contains("name=\"drbd_resource\" value=\"r1\"").contains("name=\"minor\" value=\"1\"")
                .contains("name=\"ignore_missing_notifications\" value=\"true\"").doesNotContain("provider=\"linbit\"");

        Project drbd9 = JsonEdit.of(Examples.VM_LAB_IPMI).set("$.nodes[0].drbdVersion", "9").set("$.nodes[1].drbdVersion", "9").project();
        assertThat(cib(drbd9)).contains("<primitive id=\"drbd_r1\" class=\"ocf\" provider=\"linbit\" type=\"drbd\">")
                .doesNotContain("name=\"minor\"");
        assertThat(Renderers.render(drbd9).files()).extracting(RenderedFile::path).doesNotContain(Drbd84AgentRenderer.INSTALLED_PATH);
    }

    @Test
    void promoteOnASecondaryRunsDrbdadmPrimaryAndChecksTheRole() throws Exception {
        proc(Fixtures.vmlab("node1.healthy.proc_drbd.txt"));
        assertThat(role()).isEqualTo("Secondary");
        Run run = run("promote");
        assertThat(run.exit).isZero();
        assertThat(log()).containsExactly("drbdadm -c /etc/drbd.conf primary r0");
        assertThat(role()).isEqualTo("Primary");
    }

    @Test
    void demoteOnAPrimaryRunsDrbdadmSecondaryWithTheConfiguredFile() throws Exception {
        proc(Fixtures.vmlab("node2.healthy.proc_drbd.txt"));
        assertThat(role()).isEqualTo("Primary");
        Run run = run("demote", Map.of("OCF_RESKEY_drbdconf", "/etc/drbd-lab.conf"));
        assertThat(run.exit).isZero();
        assertThat(log()).containsExactly("drbdadm -c /etc/drbd-lab.conf secondary r0");
        assertThat(role()).isEqualTo("Secondary");
    }

    @Test
    void aRoleAlreadyThereIsASuccessWithoutAnyCommand() throws Exception {
        proc(Fixtures.vmlab("node2.healthy.proc_drbd.txt"));
        assertThat(run("promote").exit).isZero();
        proc(Fixtures.vmlab("node1.healthy.proc_drbd.txt"));
        assertThat(run("demote").exit).isZero();
        assertThat(log()).isEmpty();
    }

    /** drbdadm refuses (17: no UpToDate data, or the peer could not be fenced): LINBIT's agent decides, with its refusal and retries. */
    @Test
    void aRefusedPromotionIsHandedToLinbitsAgent() throws Exception {
        proc(Fixtures.vmlab("node1.healthy.proc_drbd.txt"));
        Files.writeString(work.resolve("drbdadm-exit"), "17");
        Run run = run("promote");
        assertThat(run.exit).isEqualTo(LINBIT_EXIT);
        assertThat(log()).containsExactly("drbdadm -c /etc/drbd.conf primary r0",
                "linbit promote resource=r0 minor=0 instance=drbd_r0:1");
        assertThat(run.output).contains("drbdadm primary r0: exit 17, role Secondary").contains("handing over to " + work.resolve("bin/linbit"));
    }

    @Test
    void aDrbdadmThatSucceedsWithoutChangingTheRoleIsHandedOverToo() throws Exception {
        proc(Fixtures.vmlab("node2.healthy.proc_drbd.txt"));
        Files.writeString(work.resolve("drbdadm-exit"), "0");
        assertThat(run("demote").exit).isEqualTo(LINBIT_EXIT);
        assertThat(log()).containsExactly("drbdadm -c /etc/drbd.conf secondary r0", "linbit demote resource=r0 minor=0 instance=drbd_r0:1");
    }

    @Test
    void aMinorThatIsNotConfiguredHereIsLinbitsToHandle() throws Exception {
        proc(Fixtures.vmlab("node1.healthy.proc_drbd.txt") + " 1: cs:Unconfigured\n");
        assertThat(run("promote", Map.of("OCF_RESKEY_minor", "1", "OCF_RESKEY_drbd_resource", "r1")).exit).isEqualTo(LINBIT_EXIT);
        assertThat(run("demote", Map.of("OCF_RESKEY_minor", "7")).exit).isEqualTo(LINBIT_EXIT);
        assertThat(log()).containsExactly("linbit promote resource=r1 minor=1 instance=drbd_r0:1", "linbit demote resource=r0 minor=7 instance=drbd_r0:1");
    }

    @Test
    void everyOtherActionIsLinbitsWithTheSameEnvironment() throws Exception {
        proc(Fixtures.vmlab("node1.healthy.proc_drbd.txt"));
        List<String> expected = new ArrayList<>();
        for (String action : List.of("start", "stop", "monitor", "notify", "validate-all", "reload")) {
            assertThat(run(action).exit).as(action).isEqualTo(LINBIT_EXIT);
            expected.add("linbit " + action + " resource=r0 minor=0 instance=drbd_r0:1");
        }
        assertThat(log()).containsExactlyElementsOf(expected);
    }

    /** Values that are not a resource name or a minor never reach drbdadm; LINBIT's agent validates them and says what is wrong. */
    @Test
    void hostileValuesNeverReachDrbdadm() throws Exception {
        proc(Fixtures.vmlab("node1.healthy.proc_drbd.txt"));
        assertThat(run("promote", Map.of("OCF_RESKEY_drbd_resource", "r0; touch " + work.resolve("owned"))).exit).isEqualTo(LINBIT_EXIT);
        assertThat(run("promote", Map.of("OCF_RESKEY_drbd_resource", "--force")).exit).isEqualTo(LINBIT_EXIT);
        assertThat(run("promote", Map.of("OCF_RESKEY_minor", "0|x")).exit).isEqualTo(LINBIT_EXIT);
        assertThat(run("promote", Map.of("OCF_RESKEY_drbdconf", "--version")).exit).isEqualTo(LINBIT_EXIT);
        assertThat(log()).noneMatch(l -> l.startsWith("drbdadm"));
        assertThat(work.resolve("owned")).doesNotExist();
        assertThat(role()).isEqualTo("Secondary");
    }

    @Test
    void metaDataDeclaresEveryParameterTheCibGivesIt() throws Exception {
        Run run = run("meta-data");
        assertThat(run.exit).isZero();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(run.output.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getAttribute("name")).isEqualTo("Drbd84");
        List<String> declared = new ArrayList<>();
        NodeList params = doc.getElementsByTagName("parameter");
        for (int i = 0; i < params.getLength(); i++) {
            declared.add(((Element) params.item(i)).getAttribute("name"));
        }
        assertThat(declared).contains("drbd_resource", "minor", "drbdconf", "ignore_missing_notifications");
        List<String> actions = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("action");
        for (int i = 0; i < all.getLength(); i++) {
            actions.add(((Element) all.item(i)).getAttribute("name"));
        }
        assertThat(actions).contains("start", "stop", "promote", "demote", "monitor", "notify", "meta-data", "validate-all");
        assertThat(log()).as("meta-data needs neither LINBIT's agent nor DRBD").isEmpty();
    }

    private static String cib(Project project) {
        FileSet files = Renderers.render(project);
        return files.text(files.find(RenderedFile.CLUSTER, CibRenderer.PATH).orElseThrow(), SecretPolicy.REDACT);
    }

    private record Run(int exit, String output) {
    }

    private Run run(String action) throws Exception {
        return run(action, Map.of());
    }

    /** The agent as Pacemaker runs it for drbd_r0 (instance 1 of its clone), with {@code extra} over the usual environment. */
    private Run run(String action, Map<String, String> extra) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", agent.toString(), action).directory(work.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PATH", work.resolve("bin") + ":" + System.getenv("PATH"));
        env.put("TANDEM_PROC_DRBD", proc.toString());
        env.put("TANDEM_DRBD_LINBIT", work.resolve("bin/linbit").toString());
        env.put("OCF_ROOT", "/usr/lib/ocf");
        env.put("OCF_RESOURCE_INSTANCE", "drbd_r0:1");
        env.put("OCF_RESKEY_drbd_resource", "r0");
        env.put("OCF_RESKEY_minor", "0");
        env.put("OCF_RESKEY_ignore_missing_notifications", "true");
        env.putAll(extra);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private void proc(String text) throws IOException {
        Files.writeString(proc, text);
    }

    private String role() throws IOException {
        return Files.readString(proc).lines().filter(l -> l.startsWith(" 0: cs:")).findFirst().orElseThrow()
                .replaceAll(".* ro:([A-Za-z]+)/.*", "$1");
    }

    private List<String> log() throws IOException {
        Path log = work.resolve("log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private Path executable(String name, String text) throws IOException {
        Path path = work.resolve(name);
        Files.writeString(path, text);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }
}
