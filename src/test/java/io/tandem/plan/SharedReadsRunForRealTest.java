package io.tandem.plan;

import io.tandem.text.ShellQuote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared reads run by the real {@code sh}: each probe answered from one read gets the output
 * its own old script printed, so every check judges as before.
 */
class SharedReadsRunForRealTest {

    @TempDir
    Path dir;

    private String sh(String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).directory(dir.toFile());
        pb.environment().putAll(env);
        Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private Map<String, ProbeResults.Output> run(List<Probe> probes, Map<String, String> env) throws IOException, InterruptedException {
        String nonce = "feedfacecafe";
        ProbeResults results = ProbeScript.results("node1", probes, sh(ProbeScript.script(probes, nonce), env), nonce);
        Map<String, ProbeResults.Output> out = new java.util.LinkedHashMap<>();
        probes.forEach(p -> results.get(p).ifPresent(o -> out.put(p.name(), o)));
        return out;
    }

    @Test
    void everyFileOfOneReadIsAnsweredAsItsOwnProbeAnsweredIt() throws Exception {
        Path equal = write("equal.conf", "same\n", "rw-r--r--");
        Path differs = write("differs.conf", "someone edited this\n", "rw-r--r--");
        Path modeChanged = write("mode.conf", "same\n", "rw-rw-rw-");
        Path unreadable = write("unreadable.conf", "secret=x\n", "---------");
        Path empty = write("empty.conf", "", "rw-------");
        Path link = dir.resolve("link.conf");
        Files.createSymbolicLink(link, equal);
        Path absent = dir.resolve("absent.conf");
        Path hostile = write("a'b; touch PWNED; $(touch PWNED2) \"q\" x", "line\n", "rw-r--r--");
        List<Path> paths = List.of(equal, differs, modeChanged, unreadable, empty, link, absent, hostile);

        List<Probe> probes = new java.util.ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            probes.add(FileRead.probe("node1", "file-" + i, paths.get(i).toString()));
        }
        Map<String, ProbeResults.Output> batched = run(probes, Map.of());
        assertEquals(paths.size(), batched.size(), batched.toString());
        for (int i = 0; i < paths.size(); i++) {
            String old = sh(HostFileState.probe(ShellQuote.quote(paths.get(i).toString())), Map.of());
            ProbeResults.Output mine = batched.get("file-" + i);
            assertTrue(mine.ok(), paths.get(i) + ": " + mine);
            assertEquals(HostFileState.parse(old), HostFileState.parse(mine.text()), paths.get(i).toString());
        }
        assertEquals(0666, HostFileState.parse(batched.get("file-2").text()).orElseThrow().mode());
        assertEquals(HostFileState.ABSENT, HostFileState.parse(batched.get("file-5").text()).orElseThrow(), "a symlink is not Tandem's file");
        assertEquals("someone edited this\n", HostFileState.parse(batched.get("file-1").text()).orElseThrow().content());
        assertFalse(Files.exists(dir.resolve("PWNED")) || Files.exists(dir.resolve("PWNED2")));
    }

    @Test
    void aReadWhoseBytesDisagreeWithItsSizesAnswersNothingAsDone() {
        // A file grew between stat and cat: its bytes no longer add up, so no file of the read counts as read.
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        String head = "file /a\nfile /b\nstat 644 root:root 2\nstat 600 root:root 3\n";
        assertFalse(FileRead.answer(new ProbeResults.Output(head + b64.encodeToString("abXcde".getBytes(StandardCharsets.UTF_8)) + "\n", 0), "/a").ok());
        assertEquals("600 root:root\n" + b64.encodeToString("cde".getBytes(StandardCharsets.UTF_8)) + "\n",
                FileRead.answer(new ProbeResults.Output(head + b64.encodeToString("abcde".getBytes(StandardCharsets.UTF_8)) + "\n", 0), "/b").text());
        assertFalse(FileRead.answer(new ProbeResults.Output("", 1), "/a").ok(), "a read that failed answers nothing");
    }

    @Test
    void unitStatesFromOneSystemctlShowAreThoseIsEnabledAndIsActivePrinted() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        // systemctl show as systemd 252 prints it: a block per unit in the order asked; pcsd has no unit file.
        stub(bin, "systemctl", "case $1 in show) printf 'UnitFileState=disabled\\nActiveState=inactive\\n\\nUnitFileState=\\nActiveState=inactive\\n\\n"
                + "UnitFileState=enabled\\nActiveState=active\\n\\nUnitFileState=enabled\\nActiveState=activating\\n';;\n"
                + "is-enabled) case $2 in drbd) echo disabled;; corosync|pacemaker) echo enabled;; esac;;\n"
                + "is-active) case $2 in corosync) echo active;; pacemaker) echo activating;; *) echo inactive;; esac;; esac\n");
        stub(bin, "corosync-cmapctl", "echo 'totem.cluster_name (str) = vmlab'\n");
        stub(bin, "dpkg-query", "printf 'ii '\n");
        stub(bin, "corosync", "exit 0\n");
        Map<String, String> env = Map.of("PATH", bin + ":/usr/bin:/bin");
        List<Probe> probes = List.of(ServiceSteps.unitProbe("node1", "units-off", List.of("drbd", "pcsd")),
                ClusterSteps.stackProbe("node1", false), ServiceSteps.corosyncNameProbe("node1"));
        Map<String, ProbeResults.Output> shown = run(probes, env);
        assertEquals("drbd disabled inactive\npcsd  inactive\n", shown.get("units-off").text());
        assertEquals("corosync enabled active\npacemaker enabled activating\nname vmlab\n", shown.get("cluster-stack").text());
        assertEquals("vmlab\n", shown.get("corosync-name").text());

        // Without systemd running, show prints nothing: every unit is asked the old way, one by one.
        stub(bin, "systemctl", "case $1 in show) exit 1;; is-enabled) case $2 in drbd) echo disabled;; corosync|pacemaker) echo enabled;; esac;;\n"
                + "is-active) case $2 in corosync) echo active;; pacemaker) echo activating;; *) echo inactive;; esac;; esac\n");
        Map<String, ProbeResults.Output> oneByOne = run(probes, env);
        assertEquals(shown, oneByOne);
    }

    private Path write(String name, String content, String mode) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private static void stub(Path bin, String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
