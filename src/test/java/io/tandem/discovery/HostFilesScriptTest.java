package io.tandem.discovery;

import io.tandem.facts.HostFile;
import io.tandem.facts.HostFiles;
import io.tandem.facts.HostFilesParser;
import io.tandem.facts.SecretMasker;
import io.tandem.verify.LocalCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file reader run by a real sh inside the fact script, on hostile files: content that imitates
 * the frame and the records, bytes that are not UTF-8, NUL bytes, a huge file, a newline in a file
 * name, a key file that must never be opened (a FIFO: opening it would hang the script).
 */
class HostFilesScriptTest {

    @TempDir
    Path dir;

    @Test
    void hostileFilesCannotBreakTheFrameAndEachGetsItsState() throws Exception {
        String nonce = FactScript.nonce();
        Path plain = Files.writeString(dir.resolve("iscsid.conf"), "node.session.auth.password = Sup3r-s3cret!\n");
        Path forged = Files.writeString(dir.resolve("forged.conf"), "x\n@@" + nonce + "-END files 0\n@@FILE present 3 L2V0Yy9ob3N0cw==\naGk=\n"
                + "@@" + nonce + "-BEGIN after\n");
        Path latin1 = Files.write(dir.resolve("latin1.conf"), new byte[] {'c', 'a', 'f', (byte) 0xe9, '\n'});
        Path nul = Files.write(dir.resolve("nul.conf"), new byte[] {'a', 0, 'b'});
        Path big = Files.writeString(dir.resolve("big.conf"), "x".repeat((int) HostFile.MAX_BYTES + 1));
        Path noNewline = Files.writeString(dir.resolve("no-newline.conf"), "a\nb");
        Path empty = Files.writeString(dir.resolve("empty.conf"), "");
        Path link = Files.createSymbolicLink(dir.resolve("link.conf"), plain);
        Path directory = Files.createDirectory(dir.resolve("a-directory"));
        Path missing = dir.resolve("missing.conf");
        Path globbed = Files.createDirectory(dir.resolve("drbd.d"));
        Files.writeString(globbed.resolve("r0.res"), "resource r0 { net { shared-secret \"Sup3r-s3cret!\"; } }\n");
        Files.writeString(globbed.resolve("odd\nname.res"), "odd\n");
        Files.writeString(globbed.resolve("notes.txt"), "not matched\n");
        Path key = dir.resolve("authkey");
        assertThat(LocalCommand.run(List.of("mkfifo", key.toString()), Map.of(), dir, Duration.ofSeconds(5)).ok()).isTrue();

        String command = HostFilesParser.command(
                List.of(plain, forged, latin1, nul, big, noNewline, empty, link, directory, missing).stream().map(Path::toString).toList(),
                List.of(globbed + "/*.res"), List.of(key.toString()));
        String script = FactScript.script(List.of(new FactScript.Fact("files", command), new FactScript.Fact("after", "echo still-framed")), nonce);
        var run = LocalCommand.run(List.of("sh", "-c", script), Map.of(), dir, Duration.ofSeconds(20));
        var sections = FactScript.parse(run.stdout(), nonce);
        HostFiles files = HostFilesParser.parse(sections.get("files").output());

        assertThat(sections.get("files").exitStatus()).isZero();
        assertThat(sections.get("after").output()).isEqualTo("still-framed\n");
        assertThat(run.stdout()).doesNotContain("Sup3r-s3cret!");
        assertThat(content(files, plain)).isEqualTo("node.session.auth.password = " + SecretMasker.token("Sup3r-s3cret!") + "\n");
        assertThat(content(files, forged)).isEqualTo(Files.readString(forged));
        assertThat(files.files()).doesNotContainKey("/etc/hosts");
        assertThat(content(files, latin1)).startsWith("caf").endsWith("\n").hasSize(5);
        assertThat(state(files, nul)).isEqualTo(HostFile.State.BINARY);
        assertThat(files.files().get(big.toString())).satisfies(f -> {
            assertThat(f.state()).isEqualTo(HostFile.State.TOO_LARGE);
            assertThat(f.size()).isEqualTo(HostFile.MAX_BYTES + 1);
        });
        assertThat(content(files, noNewline)).isEqualTo("a\nb");
        assertThat(content(files, empty)).isEmpty();
        assertThat(content(files, link)).isEqualTo(content(files, plain));
        assertThat(state(files, directory)).isEqualTo(HostFile.State.NOT_A_FILE);
        assertThat(state(files, missing)).isEqualTo(HostFile.State.ABSENT);
        assertThat(content(files, globbed.resolve("r0.res"))).contains("shared-secret \"" + SecretMasker.token("Sup3r-s3cret!") + "\";");
        assertThat(content(files, Path.of(globbed + "/odd\nname.res"))).isEqualTo("odd\n");
        assertThat(files.files()).doesNotContainKey(globbed.resolve("notes.txt").toString());
        assertThat(files.files().get(key.toString())).satisfies(f -> {
            assertThat(f.state()).isEqualTo(HostFile.State.BINARY);
            assertThat(f.content()).isEmpty();
        });
        assertThat(Files.readString(plain)).as("nothing written").isEqualTo("node.session.auth.password = Sup3r-s3cret!\n");
    }

    /**
     * A folder Tandem reads by pattern, holding what would stall a reader that opens whatever it
     * finds: a FIFO (open blocks until a writer comes), links to it, to /dev/zero (endless) and to a
     * /proc file (no size, content made up on each read), and a file far over the limit. Each is
     * reported with its reason, none is opened, and the script finishes at once.
     */
    @Test
    void filesThatCouldStallDiscoveryAreReportedWithoutBeingRead() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("conf.d"));
        Path fifo = folder.resolve("fifo.conf");
        assertThat(LocalCommand.run(List.of("mkfifo", fifo.toString()), Map.of(), dir, Duration.ofSeconds(5)).ok()).isTrue();
        Files.createSymbolicLink(folder.resolve("to-fifo.conf"), fifo);
        Files.createSymbolicLink(folder.resolve("to-zero.conf"), Path.of("/dev/zero"));
        Files.createSymbolicLink(folder.resolve("to-proc.conf"), Path.of("/proc/self/status"));
        Files.createSymbolicLink(folder.resolve("to-sys.conf"), Path.of("/sys/kernel/uevent_seqnum"));
        Path big = folder.resolve("big.conf");
        Files.write(big, new byte[10 << 20]);
        Path plain = Files.writeString(folder.resolve("plain.conf"), "kept\n");

        long start = System.nanoTime();
        var run = LocalCommand.run(List.of("sh", "-c", HostFilesParser.command(List.of(), List.of(folder + "/*.conf"), List.of())),
                Map.of(), dir, Duration.ofSeconds(20));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        HostFiles files = HostFilesParser.parse(run.stdout());

        assertThat(run.exitCode()).isZero();
        assertThat(took).as("nothing blocked").isLessThan(Duration.ofSeconds(10));
        assertThat(state(files, fifo)).isEqualTo(HostFile.State.NOT_A_FILE);
        assertThat(state(files, folder.resolve("to-fifo.conf"))).isEqualTo(HostFile.State.NOT_A_FILE);
        assertThat(state(files, folder.resolve("to-zero.conf"))).isEqualTo(HostFile.State.NOT_A_FILE);
        assertThat(state(files, folder.resolve("to-proc.conf"))).isEqualTo(HostFile.State.KERNEL_FILE);
        assertThat(state(files, folder.resolve("to-sys.conf"))).isEqualTo(HostFile.State.KERNEL_FILE);
        assertThat(files.files().get(big.toString())).satisfies(f -> {
            assertThat(f.state()).isEqualTo(HostFile.State.TOO_LARGE);
            assertThat(f.size()).isEqualTo(10 << 20);
        });
        assertThat(content(files, plain)).isEqualTo("kept\n");
        assertThat(files.files().values()).extracting(f -> f.toString())
                .contains(folder.resolve("to-proc.conf") + " (on /proc or /sys: a kernel interface, not read)");
    }

    /**
     * The size limit holds while reading, not only when asking stat: a file that grows after stat
     * was asked (or one whose size the file system does not know) is cut at the limit and reported
     * as too large. A stat that answers 0 for its size stands in for that; the file is a sparse
     * 64 GiB, so reading it whole would take minutes. The other way round, a read that ends short of
     * the size stat gave (an I/O error, a file truncated meanwhile) is unreadable, not a shorter file.
     */
    @Test
    void theSizeLimitHoldsWhileReading() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path stat = Files.writeString(bin.resolve("stat"), """
                #!/bin/sh
                case " $* " in *" %s "*huge.conf*) echo 0 ;; *" %s "*short.conf*) echo 999 ;; *) exec /usr/bin/stat "$@" ;; esac
                """);
        stat.toFile().setExecutable(true);
        Path huge = dir.resolve("huge.conf");
        try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(64L << 30);
        }
        Path small = Files.writeString(dir.resolve("small.conf"), "x\n");
        Path shorter = Files.writeString(dir.resolve("short.conf"), "cut\n");

        long start = System.nanoTime();
        var run = LocalCommand.run(List.of("sh", "-c", HostFilesParser.command(List.of(huge.toString(), small.toString(), shorter.toString()), List.of(), List.of())),
                Map.of("PATH", bin + ":" + System.getenv("PATH")), dir, Duration.ofSeconds(30));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        HostFiles files = HostFilesParser.parse(run.stdout());

        assertThat(took).as("read no further than the limit").isLessThan(Duration.ofSeconds(10));
        assertThat(files.files().get(huge.toString())).satisfies(f -> {
            assertThat(f.state()).isEqualTo(HostFile.State.TOO_LARGE);
            assertThat(f.size()).as("at least this much").isEqualTo(HostFile.MAX_BYTES + 1);
            assertThat(f.content()).isEmpty();
        });
        assertThat(content(files, small)).isEqualTo("x\n");
        assertThat(state(files, shorter)).as("a read that ends before the size stat gave is not a shorter file").isEqualTo(HostFile.State.UNREADABLE);
    }

    /** Where the corosync key really is, CorosyncKeyDiscoveryTest proves its bytes are never read. */
    @Test
    void theDiscoveryCommandRunsOnThisMachine() throws Exception {
        var run = LocalCommand.run(List.of("sh", "-c", HostFilesParser.COMMAND), Map.of(), dir, Duration.ofSeconds(20));
        HostFiles files = HostFilesParser.parse(run.stdout());

        assertThat(run.exitCode()).isZero();
        assertThat(files.file("/etc/hosts")).map(HostFile::state).contains(HostFile.State.PRESENT);
    }

    private static String content(HostFiles files, Path path) {
        HostFile file = files.files().get(path.toString());
        assertThat(file).as(path.toString()).isNotNull();
        assertThat(file.state()).as(path.toString()).isEqualTo(HostFile.State.PRESENT);
        return file.content();
    }

    private static HostFile.State state(HostFiles files, Path path) {
        return files.files().get(path.toString()).state();
    }
}
