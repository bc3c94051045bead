package io.tandem.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shell that probes and writes run on a host, run here by the real {@code sh} against files in
 * a temporary folder: what they print parses, hostile names stay names, and a write is atomic,
 * keeps a backup and refuses a file that changed since it was read.
 */
class ScriptsRunForRealTest {

    @TempDir
    Path dir;

    private record Result(int exit, String out) {
    }

    private Result sh(String script, String stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    private static final String HOSTILE = "a'b; touch PWNED; $(touch PWNED2) `touch PWNED3` \"q\"";

    @Test
    void theFileProbeReadsModeOwnerAndBytesOfAFileWithAHostileName() throws Exception {
        Path file = dir.resolve(HOSTILE);
        Files.writeString(file, "line one\nsecret=x\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Result r = sh(HostFileState.probe(io.tandem.text.ShellQuote.quote(file.toString())), "");
        HostFileState state = HostFileState.parse(r.out()).orElseThrow(() -> new AssertionError(r.out()));
        assertTrue(state.exists());
        assertEquals(0600, state.mode());
        assertEquals("line one\nsecret=x\n", state.content());
        assertNoInjection();
        assertEquals(HostFileState.ABSENT, HostFileState.parse(sh(HostFileState.probe("'" + dir + "/none'"), "").out()).orElseThrow());
    }

    @Test
    void thePackageProbeQuotesEachNameAndDpkgAnswersInDiscoverysFormat() throws Exception {
        Probe probe = PackageStep.probe("node1", List.of("dpkg", HOSTILE));
        Result r = sh(probe.script(), "");
        assertNoInjection();
        List<String> missing = PackageStep.missing(List.of("dpkg", "surely-not-a-package-tandem"), r.out());
        assertEquals(List.of("surely-not-a-package-tandem"), missing, r.out());
    }

    @Test
    void aDeviceProbeOnSomethingThatIsNoBlockDeviceSaysSo() throws Exception {
        Result r = sh(DeviceState.probe(io.tandem.text.ShellQuote.quote(dir.resolve(HOSTILE).toString())), "");
        assertFalse(DeviceState.parse(r.out()).orElseThrow().exists());
        assertNoInjection();
    }

    @Test
    void aWriteReplacesTheFileAtomicallyKeepsABackupAndRefusesAFileThatChangedSinceItWasRead() throws Exception {
        io.tandem.testing.RealTools.requireRoot("the write sets the owner root:root");
        Path file = dir.resolve("etc").resolve(HOSTILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "old\n");
        String backup = dir + "/backup/20261201T120000Z";
        String script = FileWrite.build(file.toString(), 0640, FileWrite.guard(Optional.of(FileWrite.sha256("old\n"))), backup);
        Result r = sh(script, "new\n");
        assertEquals(0, r.exit(), r.out());
        assertEquals("new\n", Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("old\n", Files.readString(Path.of(backup + file)));
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no temporary file is left beside it");
        }
        assertNoInjection();

        // Read when it held "old", but it holds "new" now: nothing is written.
        Result stale = sh(script, "newer\n");
        assertEquals(FileWrite.CHANGED_MEANWHILE, stale.exit());
        assertEquals("new\n", Files.readString(file));

        // Tandem saw no file, but one appeared: refused as well.
        Path fresh = dir.resolve("etc/fresh.conf");
        Files.writeString(fresh, "someone else's\n");
        assertEquals(FileWrite.CHANGED_MEANWHILE, sh(FileWrite.build(fresh.toString(), 0644, FileWrite.guard(Optional.empty()), backup), "x\n").exit());
        assertEquals("someone else's\n", Files.readString(fresh));
    }

    private void assertNoInjection() {
        for (String name : List.of("PWNED", "PWNED2", "PWNED3")) {
            assertFalse(Files.exists(dir.resolve(name)), "a hostile name ran a command: " + name);
        }
    }
}
