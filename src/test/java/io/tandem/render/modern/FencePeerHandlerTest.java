package io.tandem.render.modern;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import io.tandem.testing.Examples;
import io.tandem.testing.RealTools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tandem's fence-peer handler against LINBIT's crm-fence-peer.sh, both run with the real
 * Pacemaker tools on a CIB file ({@code CIB_file}): in each cluster state it must exit with the same
 * code and leave the same constraint, and crm_verify must accept the result. The stock script
 * reads /proc/drbd by its path, so it runs as a copy that reads the test's file instead; nothing
 * else of it changes.
 */
class FencePeerHandlerTest {

    private static final String STOCK = "/usr/lib/drbd/crm-fence-peer.sh";
    private static final String PEER = "node2";
    private static final String UP_TO_DATE = " 0: cs:WFConnection ro:Primary/Unknown ds:UpToDate/DUnknown C r-----\n";
    private static final String CONSISTENT = " 0: cs:WFConnection ro:Secondary/Unknown ds:Consistent/DUnknown C r-----\n";
    private static final String FENCED = "<node_state id=\"2\" uname=\"node2\" in_ccm=\"false\" crmd=\"offline\" join=\"down\" expected=\"down\"/>";
    private static final String LOST = "<node_state id=\"2\" uname=\"node2\" in_ccm=\"false\" crmd=\"offline\" join=\"down\" expected=\"member\"/>";
    /** Lost, and no "expected" recorded (older Pacemaker): not a clean down, so fencing is still to come. */
    private static final String LOST_UNEXPECTED = "<node_state id=\"2\" uname=\"node2\" in_ccm=\"false\" crmd=\"offline\" join=\"down\"/>";
    private static final String ONLINE = "<node_state id=\"2\" uname=\"node2\" in_ccm=\"true\" crmd=\"online\" join=\"member\" expected=\"member\"/>";
    private static final Pattern CONSTRAINTS = Pattern.compile("<constraints>.*</constraints>", Pattern.DOTALL);

    @TempDir
    Path work;
    private Path handler;
    private Path stock;
    private Path procDrbd;
    private String cib;

    @BeforeEach
    void setUp() throws IOException {
        Project project = Examples.read(Examples.VM_LAB_IPMI);
        FileSet files = Renderers.render(project);
        RenderedFile cibFile = files.files().stream().filter(f -> f.path().equals(CibRenderer.PATH)).findFirst().orElseThrow();
        cib = files.text(cibFile, SecretPolicy.REDACT);
        assertThat(files.files()).filteredOn(f -> f.path().equals(FencePeerHandlerRenderer.INSTALLED_PATH))
                .extracting(RenderedFile::host).containsExactlyInAnyOrder("node1", "node2");
        handler = executable("tandem-fence-peer.sh", FencePeerHandlerRenderer.script());
        procDrbd = work.resolve("proc-drbd");
    }

    @Test
    void theResourcesCallTandemsHandlerWithTheirCloneOnDrbd84AndLinbitsOnDrbd9() throws Exception {
        String res = text(Renderers.render(Examples.read(Examples.VM_LAB_IPMI)), "/etc/drbd.d/r1.res");
        assertThat(res).contains("fence-peer \"/usr/lib/drbd/tandem-fence-peer.sh --clone=drbd_r1-clone\";")
                .contains("after-resync-target \"/usr/lib/drbd/crm-unfence-peer.sh\";");
        String drbd9 = text(Renderers.render(io.tandem.testing.JsonEdit.of(Examples.VM_LAB_IPMI)
                .set("$.nodes[0].drbdVersion", "9").set("$.nodes[1].drbdVersion", "9").project()), "/etc/drbd.d/r1.res");
        assertThat(drbd9).contains("fence-peer \"/usr/lib/drbd/crm-fence-peer.9.sh\";");
    }

    @Test
    void aFencedPeerIsSevenWithTheConstraintCrmFencePeerPlaces() throws Exception {
        Outcome ours = runBoth(UP_TO_DATE, FENCED, true, List.of());
        assertThat(ours.exit).isEqualTo(7);
        assertThat(ours.constraints).contains("<rsc_location rsc=\"drbd_r0-clone\" id=\"drbd-fence-by-handler-r0-drbd_r0-clone\">")
                .contains("operation=\"ne\" value=\"" + hostName() + "\"");
    }

    @Test
    void withoutStonithALostPeerIsUnreachableAtOnce() throws Exception {
        Outcome ours = runBoth(UP_TO_DATE, LOST, false, List.of());
        assertThat(ours.exit).isEqualTo(5);
        assertThat(ours.millis).as("nothing to wait for (the default timeout is 90 s)").isLessThan(30_000);
    }

    /** The handler reads the CIB with shell builtins: the attributes' order is not the rendered one's here, as another tool may write them. */
    @Test
    void aStonithSettingWrittenValueFirstIsReadAsCrmFencePeerReadsIt() throws Exception {
        assertThat(cib).contains("name=\"stonith-enabled\" value=\"true\"");
        cib = cib.replace("name=\"stonith-enabled\" value=\"true\"", "value=\"false\" name=\"stonith-enabled\"");
        Outcome ours = runBoth(UP_TO_DATE, LOST, true, List.of());
        assertThat(ours.exit).isEqualTo(5);
        assertThat(ours.millis).as("fencing is off: nothing to wait for").isLessThan(30_000);
    }

    @Test
    void withStonithALostPeerThatIsNotFencedYetIsAwaitedUntilTheTimeout() throws Exception {
        Outcome ours = runBoth(UP_TO_DATE, LOST, true, List.of("--timeout=2"));
        assertThat(ours.exit).isEqualTo(5);
        assertThat(ours.millis).as("waited for the fencing").isGreaterThanOrEqualTo(2000);
    }

    @Test
    void withStonithALostPeerWithoutAnExpectedStateIsAwaitedToo() throws Exception {
        Outcome ours = runBoth(UP_TO_DATE, LOST_UNEXPECTED, true, List.of("--timeout=2"));
        assertThat(ours.exit).isEqualTo(5);
        assertThat(ours.millis).as("waited for the fencing").isGreaterThanOrEqualTo(2000);
    }

    @Test
    void aPeerTheCibShowsOnlineButWhoseControllerDoesNotAnswerIsAwaitedUntilTheTimeout() throws Exception {
        // With a CIB file there is no controller: crmadmin -S cannot confirm the peer.
        Outcome ours = runBoth(UP_TO_DATE, ONLINE, true, List.of("--timeout=2"));
        assertThat(ours.exit).isEqualTo(5);
        assertThat(ours.millis).as("waited for an answer").isGreaterThanOrEqualTo(2000);
    }

    /**
     * A cut replication link: the primary's peer is online and its controller answers (a stand-in crmadmin here, as a CIB
     * file has no controller). Both handlers say "outdated"; Tandem's asks after placing the constraint and reads no CIB,
     * since DRBD holds the writes meanwhile.
     */
    @Test
    void aPrimarysPeerWhoseControllerAnswersIsOutdatedAfterTwoCommands() throws Exception {
        executable("crmadmin", "#!/bin/sh\necho \"crmadmin $*\" >> \"$HANDLER_LOG.calls\"\n"
                + "case \" $* \" in *\" -S " + PEER + " \"*) echo 'Controller on " + PEER + " in state S_NOT_DC: ok' ;; esac\n");
        // The real cibadmin on the CIB file, each call noted by its first option.
        executable("cibadmin", "#!/bin/sh\necho \"cibadmin $1\" >> \"$HANDLER_LOG.calls\"\nPATH=${PATH#*:}; export PATH; exec cibadmin \"$@\"\n");
        Outcome ours = runBoth(UP_TO_DATE, ONLINE, true, List.of());
        assertThat(ours.exit).isEqualTo(4);
        assertThat(ours.constraints).contains("operation=\"ne\" value=\"" + hostName() + "\"");
        assertThat(ours.log).contains("node2 is online and answers: its copy is outdated; exit 4");
        assertThat(Files.readAllLines(work.resolve("tandem.log.calls")))
                .containsExactly("cibadmin -C", "crmadmin -S " + PEER);
    }

    @Test
    void aConsistentDiskIsLeftToCrmFencePeer() throws Exception {
        Outcome ours = runBoth(CONSISTENT, FENCED, true, List.of());
        assertThat(ours.exit).isEqualTo(5);
        assertThat(ours.constraints).doesNotContain("drbd-fence-by-handler");
        assertThat(ours.log).contains("this node's disk is Consistent; handing over to");
    }

    @Test
    void aConstraintThePeerPlacedIsLeftToCrmFencePeer() throws Exception {
        String peers = "<rsc_location rsc=\"drbd_r0-clone\" id=\"drbd-fence-by-handler-r0-drbd_r0-clone\">"
                + "<rule role=\"Master\" score=\"-INFINITY\" id=\"drbd-fence-by-handler-r0-rule-drbd_r0-clone\">"
                + "<expression attribute=\"#uname\" operation=\"ne\" value=\"" + PEER + "\" id=\"drbd-fence-by-handler-r0-expr-drbd_r0-clone\"/>"
                + "</rule></rsc_location>";
        cib = cib.replace("</constraints>", peers + "</constraints>");
        Outcome ours = runBoth(UP_TO_DATE, FENCED, true, List.of());
        assertThat(ours.exit).as("crm-fence-peer.sh: the constraint exists and is not ours").isEqualTo(1);
        assertThat(ours.constraints).contains("value=\"" + PEER + "\"").doesNotContain("value=\"" + hostName() + "\"");
        assertThat(ours.log).contains("could not place the constraint");
    }

    private record Outcome(int exit, String constraints, String log, long millis) {
    }

    /** Runs crm-fence-peer.sh and then Tandem's handler on the same state; asserts they agree and returns Tandem's outcome. */
    private Outcome runBoth(String drbd, String peerState, boolean stonith, List<String> args) throws Exception {
        RealTools.require(STOCK, "cibadmin", "crmadmin", "crm_verify", "flock", "logger", "timeout");
        RealTools.requireRoot("the handlers lock /var/run/drbd/lock as DRBD's do");
        stock = executable("crm-fence-peer.sh", Files.readString(Path.of(STOCK)).replace("/proc/drbd", procDrbd.toString()));
        Files.writeString(procDrbd, "version: 8.4.11 (api:1/proto:86-101)\n" + drbd);
        String state = cib.replaceFirst("<status\\s*/>|<status>.*</status>", Matcher.quoteReplacement("<status>" + peerState + "</status>"));
        if (!stonith) {
            state = state.replaceFirst("name=\"stonith-enabled\" value=\"true\"", "name=\"stonith-enabled\" value=\"false\"");
        }
        Outcome theirs = run(stock, state, "stock", args);
        Outcome ours = run(handler, state, "tandem", args);
        assertThat(ours.exit).as("exit code as crm-fence-peer.sh's").isEqualTo(theirs.exit);
        assertThat(ours.constraints).as("constraints as crm-fence-peer.sh leaves them").isEqualTo(theirs.constraints);
        return ours;
    }

    private Outcome run(Path script, String state, String name, List<String> args) throws Exception {
        Path cibFile = work.resolve(name + "-cib.xml");
        Files.writeString(cibFile, state);
        Path log = work.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(script.toString(), "--clone=drbd_r0-clone"));
        command.addAll(args);
        if (script.equals(stock)) {
            command.remove(1);
            command.add("--logfacility=user");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(Map.of("CIB_file", cibFile.toString(), "DRBD_RESOURCE", "r0", "DRBD_MINOR", "0", "DRBD_PEER", PEER,
                "TANDEM_PROC_DRBD", procDrbd.toString(), "TANDEM_FENCE_PEER_STOCK", stock.toString(),
                "PATH", work + ":" + System.getenv("PATH"), "HANDLER_LOG", log.toString()));
        // A logger that writes to the run's log: the handlers' messages are what the tests read.
        executable("logger", "#!/bin/sh\nwhile [ $# -gt 0 ]; do\n  if [ \"$1\" = -- ]; then shift; echo \"$*\" >> \"$HANDLER_LOG\"; exit 0; fi\n"
                + "  shift\ndone\ncat >> \"$HANDLER_LOG\"\n");
        long start = System.nanoTime();
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(name + " finished").isTrue();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        String after = Files.readString(cibFile);
        // The state has a lost node, so crm_verify warns; an invalid constraint would be an error.
        Process verify = new ProcessBuilder("crm_verify", "-V", "-x", cibFile.toString()).redirectErrorStream(true).start();
        String verdict = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        verify.waitFor();
        assertThat(verdict).as(name + ": crm_verify on the CIB it left").doesNotContain("error:").doesNotContain("Errors found");
        Matcher constraints = CONSTRAINTS.matcher(after);
        return new Outcome(process.exitValue(), constraints.find() ? constraints.group() : "", Files.readString(log), millis);
    }

    private Path executable(String name, String text) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static String text(FileSet files, String path) {
        return files.text(files.files().stream().filter(f -> f.path().equals(path) && f.host().equals("node1")).findFirst().orElseThrow(),
                SecretPolicy.REDACT);
    }

    private static String hostName() throws IOException {
        return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    }
}
