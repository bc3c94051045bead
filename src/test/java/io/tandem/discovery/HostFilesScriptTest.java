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

    @Test
    void theDiscoveryCommandRunsOnThisMachineAndSkipsTheCorosyncKeysBytes() throws Exception {
        var run = LocalCommand.run(List.of("sh", "-c", HostFilesParser.COMMAND), Map.of(), dir, Duration.ofSeconds(20));
        HostFiles files = HostFilesParser.parse(run.stdout());

        assertThat(run.exitCode()).isZero();
        assertThat(files.file("/etc/hosts")).map(HostFile::state).contains(HostFile.State.PRESENT);
        assertThat(files.file("/etc/corosync/authkey")).hasValueSatisfying(f -> assertThat(f.content()).isEmpty());
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
