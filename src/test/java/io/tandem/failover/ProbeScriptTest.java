package io.tandem.failover;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probe itself, run by this machine's python3 on a file on disk (O_DIRECT needs a real
 * filesystem: the test folder lives under target/, not in tmpfs): what it reports when every
 * acknowledged write is there, and when one was lost or damaged behind its back.
 */
class ProbeScriptTest {

    private Path work;
    private Path file;
    private Path stop;
    private Path log;

    private Process start(int blocks) throws IOException {
        work = Path.of("target", "probe-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Files.createDirectories(work);
        file = work.resolve("probe.bin");
        stop = work.resolve("stop");
        log = work.resolve("probe.log");
        Files.write(file, new byte[blocks * DrillScripts.BLOCK]);
        Path script = work.resolve("probe.py");
        Files.writeString(script, DrillScripts.probeSource());
        return new ProcessBuilder("python3", script.toString(), file.toString(), String.valueOf(blocks), "20", "60", stop.toString(),
                "0123456789abcdef").redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @org.junit.jupiter.api.AfterEach
    void removeWorkFolder() throws IOException {
        if (work != null) {
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(work);
        }
    }

    private ProbeLog waitForWrites(Process p, int writes) throws Exception {
        for (int i = 0; i < 500; i++) {
            ProbeLog got = ProbeLog.parse(Files.readString(log));
            if (got.writes() >= writes) {
                return got;
            }
            assertTrue(p.isAlive(), "the probe ended early: " + Files.readString(log));
            Thread.sleep(20);
        }
        throw new AssertionError("the probe wrote too little: " + Files.readString(log));
    }

    private ProbeLog stop(Process p) throws Exception {
        Files.createFile(stop);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the probe did not stop");
        assertEquals(0, p.exitValue(), Files.readString(log));
        return ProbeLog.parse(Files.readString(log));
    }

    @Test
    void everyAcknowledgedWriteReadsBack() throws Exception {
        Process p = start(256);
        waitForWrites(p, 8);
        ProbeLog done = stop(p);
        assertTrue(done.errors().isEmpty(), done.errors().toString());
        ProbeLog.ReadBack r = done.readBack().orElseThrow();
        assertEquals(done.writes(), r.acknowledged());
        assertTrue(r.intact(), r.toString());
        assertTrue(done.reads() > 0, "the read probe ran");
        assertTrue(done.ios().stream().allMatch(i -> i.latencyMs() >= 0 && i.latencyMs() < 5000));
    }

    @Test
    void aBlockZeroedAfterItsWriteWasAcknowledgedIsLostAndGarbageIsCorrupt() throws Exception {
        Process p = start(256);
        waitForWrites(p, 12);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rws")) {
            f.seek(2L * DrillScripts.BLOCK);
            f.write(new byte[DrillScripts.BLOCK]);
            f.seek(3L * DrillScripts.BLOCK + 100);
            f.write("not what was written".getBytes());
        }
        ProbeLog.ReadBack r = stop(p).readBack().orElseThrow();
        assertEquals(1, r.lost(), r.toString());
        assertEquals(1, r.corrupt(), r.toString());
        assertEquals(0, r.unreadable());
    }
}
