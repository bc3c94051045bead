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
