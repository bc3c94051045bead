package io.tandem.failover;

import io.tandem.monitor.HostCommands;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrillScriptsTest {

    private final DrillScripts scripts = new DrillScripts("0123456789abcdef");

    /** bash's own parser: every script Tandem sends must at least be valid shell. */
    private static void parses(String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8) + "\n" + script);
    }

    @Test
    void everyScriptIsValidShell() throws Exception {
        parses(scripts.startProbe("/mnt/iscsi", 16384, 100, 1638));
        parses(scripts.readLog(1234));
        parses(scripts.stopProbe());
        parses(scripts.cleanUp("/srv/data"));
        parses(scripts.abandonStart("/srv/data"));
        parses(DrillScripts.move("g_iscsi", "node2"));
        parses(DrillScripts.clear("g_iscsi"));
        parses(DrillScripts.locate("g_iscsi"));
        parses(DrillScripts.settle(600));
        parses(DrillScripts.idle(300));
        parses(DrillScripts.crash());
        parses(DrillScripts.linksDown(List.of("eth2", "eth3"), null, 20));
        parses(DrillScripts.linksDown(List.of(), "bond0", 20));
        parses(DrillScripts.journal(1795612283L));
        parses(DrillScripts.clearSbdSlot(List.of("/dev/disk/by-id/virtio-tandem-sbd"), "node1"));
        parses(DrillScripts.startCluster());
        parses(DrillScripts.powerOn("node1"));
        assertEquals("stonith_admin --unfence node1", DrillScripts.powerOn("node1"));
        assertThrows(IllegalArgumentException.class, () -> DrillScripts.powerOn("node1; reboot"));
        parses(DrillScripts.qdeviceAfterStart());
    }

    /** Runs {@link DrillScripts#qdeviceAfterStart()} under the real sh with stand-in systemctl and sleep; returns its output. */
    private static String qdeviceAfterStart(java.nio.file.Path dir, boolean activeAlready) throws Exception {
        io.tandem.testing.StandInTools.tool(dir, "systemctl", "echo \"$*\" >> $DIR/calls\n"
                + "case \"$1\" in is-active) exit " + (activeAlready ? 0 : 3) + " ;; *) exit 0 ;; esac\n");
        io.tandem.testing.StandInTools.tool(dir, "sleep", "exit 0\n");
        Process p = io.tandem.testing.StandInTools.start(dir, DrillScripts.qdeviceAfterStart());
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void aRejoinedNodesQdeviceIsStartedByTheTestOnlyWhenItDidNotComeUpWithCorosync(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // The drop-in starts it with corosync: the script only sees it running.
        assertEquals(DrillScripts.QDEVICE_CAME_UP, qdeviceAfterStart(dir.resolve("with"), true));
        assertEquals("is-active -q corosync-qdevice", java.nio.file.Files.readString(dir.resolve("with/calls")).strip());
        // A cluster without the drop-in: 30 looks, then the script starts it and says so (FailoverDrill notes it in the report).
        assertEquals(DrillScripts.QDEVICE_STARTED_HERE, qdeviceAfterStart(dir.resolve("without"), false));
        List<String> calls = java.nio.file.Files.readAllLines(dir.resolve("without/calls"));
        assertEquals(31, calls.size());
        assertEquals("start corosync-qdevice", calls.getLast());
        assertFalse(DrillScripts.startCluster().contains("qdevice"));
    }

    /**
     * {@link DrillScripts#idle} under the real sh: crmadmin a stand-in that says {@code states} in turn, as Pacemaker 2.1.5 does in the VM lab
     * ({@code crmadmin -D -q} prints the coordinator's name alone, {@code crmadmin -q -S node2} its state alone, e.g. {@code S_IDLE}, both on
     * stdout), date a counter that each call moves on by 10 s, sleep instant.
     */
    private static String idle(java.nio.file.Path dir, int bound, String dcAnswer, String... states) throws Exception {
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve("states"), List.of(states));
        io.tandem.testing.StandInTools.tool(dir, "crmadmin", "echo \"$*\" >> $DIR/calls\n"
                + "case \"$*\" in\n"
                + "  '-D -q') " + dcAnswer + " ;;\n"
                + "  *) n=$(cat $DIR/asked 2>/dev/null || echo 1); echo $((n + 1)) > $DIR/asked; sed -n \"${n}p\" $DIR/states ;;\n"
                + "esac\n");
        io.tandem.testing.StandInTools.tool(dir, "date", "t=$(cat $DIR/clock 2>/dev/null || echo 1000); echo $((t + 10)) > $DIR/clock; echo $t\n");
        io.tandem.testing.StandInTools.tool(dir, "sleep", "exit 0\n");
        Process p = io.tandem.testing.StandInTools.start(dir, DrillScripts.idle(bound));
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void theWaitForAnIdleCoordinatorEndsWhenItIsIdleOrAtItsBound(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String dc = "echo node2";
        // Busy twice (the DC waiting for a lost monitor result), then idle: three looks of 10 s each on the stand-in clock.
        assertEquals("TANDEM-IDLE 30 node2", idle(dir.resolve("settles"), 300, dc, "S_TRANSITION_ENGINE", "S_TRANSITION_ENGINE", "S_IDLE"));
        assertEquals(List.of("-D -q", "-q -S node2", "-D -q", "-q -S node2", "-D -q", "-q -S node2"),
                java.nio.file.Files.readAllLines(dir.resolve("settles/calls")));
        // Never idle: it stops at its bound and says the last state.
        assertEquals("TANDEM-BUSY 30 node2 S_POLICY_ENGINE", idle(dir.resolve("busy"), 25, dc, "S_POLICY_ENGINE", "S_POLICY_ENGINE", "S_POLICY_ENGINE",
                "S_POLICY_ENGINE"));
        // No coordinator (no quorum, or the cluster stack stopped): crmadmin answers nothing usable, and the state is never asked for a name.
        assertEquals("TANDEM-BUSY 20 ? unknown", idle(dir.resolve("nodc"), 15, "exit 1"));
        assertEquals(List.of("-D -q", "-D -q"), java.nio.file.Files.readAllLines(dir.resolve("nodc/calls")));
        // An answer that is not a node name is kept to a name's characters: nothing of it runs, and the report's line stays one word per field.
        assertEquals("TANDEM-IDLE 10 node2reboot", idle(dir.resolve("odd"), 15, "echo 'node2 $(reboot)'; echo 'error: x' >&2", "S_IDLE"));
        assertEquals(List.of("-D -q", "-q -S node2reboot"), java.nio.file.Files.readAllLines(dir.resolve("odd/calls")));
        assertThrows(IllegalArgumentException.class, () -> DrillScripts.idle(0));
    }

    @Test
    void theProbeFileIsZeroedInWholeMebibytes() {
        assertTrue(scripts.startProbe("/mnt/iscsi", 16384, 100, 1638).contains("bs=1048576 count=64 oflag=direct"));
        assertThrows(IllegalArgumentException.class, () -> DrillScripts.mebibytes(1000));
    }

    @Test
    void theProbeTravelsWholeInsideItsHereDocument() {
        String start = scripts.startProbe("/mnt/iscsi", 16384, 100, 1638);
        assertTrue(start.contains(DrillScripts.probeSource().stripTrailing() + "\nTANDEM_PROBE_EOF\n"));
        assertTrue(start.contains("/mnt/iscsi/.tandem-failover-probe 16384 100 1638 /var/tmp/tandem-failover/probe-0123456789abcdef.stop"));
    }

    @Test
    void aValueThatIsNotWhatTandemValidatedIsRefusedNotQuotedAway() {
        assertThrows(IllegalArgumentException.class, () -> scripts.startProbe("/mnt/x; rm -rf /", 16, 100, 10));
        assertThrows(IllegalArgumentException.class, () -> scripts.cleanUp("/mnt/../etc"));
        assertThrows(IllegalArgumentException.class, () -> DrillScripts.move("g_iscsi", "node2 --force"));
        assertThrows(IllegalArgumentException.class, () -> DrillScripts.linksDown(List.of("eth2$(reboot)"), null, 20));
        assertThrows(IllegalArgumentException.class, () -> new DrillScripts("../../x"));
    }

    @Test
    void theNicsComeBackByThemselvesAfterTheHoldEvenWhenTandemIsGone() throws Exception {
        // Run the detached part for real with a harmless stand-in for ip(8): it must run down, wait, then up, after the script returned.
        String script = DrillScripts.linksDown(List.of("ethA", "ethB"), null, 1);
        java.nio.file.Path bin = java.nio.file.Files.createTempDirectory("tandem-ip");
        java.nio.file.Path calls = bin.resolve("calls");
        java.nio.file.Path ip = bin.resolve("ip");
        java.nio.file.Files.writeString(ip, "#!/bin/sh\necho \"$@\" >> " + calls + "\n");
        ip.toFile().setExecutable(true);
        Process p = new ProcessBuilder("bash", "-c", "PATH=" + bin + ":$PATH\n" + script).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(FailoverDrill.stamp(new HostCommands.Result(0, out, ""), 0).isPresent(), out);
        assertTrue(out.contains("TANDEM-NICS ethA ethB"), out);
        for (int i = 0; i < 100 && (!java.nio.file.Files.exists(calls) || java.nio.file.Files.readAllLines(calls).size() < 4); i++) {
            Thread.sleep(50);
        }
        assertEquals(List.of("link set dev ethA down", "link set dev ethB down", "link set dev ethA up", "link set dev ethB up"),
                java.nio.file.Files.readAllLines(calls));
    }

    @Test
    void theFaultsMomentIsReadInTheHostsClockAndMovedToOurs() {
        var r = new HostCommands.Result(0, "something\n" + DrillScripts.STAMP + " 1795612283.250000000\nTANDEM-NICS eth0\n", "");
        assertEquals(1795612283.25 - 1.5, FailoverDrill.stamp(r, 1.5).orElseThrow(), 1e-6);
        assertFalse(FailoverDrill.stamp(new HostCommands.Result(0, DrillScripts.STAMP + " soon", ""), 0).isPresent());
    }
}
