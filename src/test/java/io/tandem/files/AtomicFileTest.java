package io.tandem.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What can be seen of an atomic write from inside one process: the whole content or the old file,
 * never a mix; the exact mode; no temporary file left, after success or failure. That the data
 * and the rename reach the disk before a crash (the two fsyncs) cannot be observed here: only
 * cutting the power between write and rename would show it, so it is not tested, only done.
 */
class AtomicFileTest {

    @Test
    void writesTheWholeContentWithExactlyTheModeAskedFor(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("sub/project.tandem.json");
        String text = "{\"secret\": \"" + "x".repeat(200_000) + "\"}\n";
        AtomicFile.write(secret, text, AtomicFile.OWNER_ONLY);
        assertThat(Files.readString(secret)).isEqualTo(text);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");

        Path shared = dir.resolve("recent");
        AtomicFile.write(shared, "a\n", PosixFilePermissions.fromString("rw-r--r--"));
        // Not narrowed by the umask, not wider than asked.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rw-r--r--");
        assertThat(entries(dir)).containsExactlyInAnyOrder("sub", "recent");
        assertThat(entries(dir.resolve("sub"))).containsExactly("project.tandem.json");
    }

    @Test
    void replacesByRenamingSoAReaderOfTheOldFileStillReadsAllOfIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("known_hosts");
        String old = "old line\n".repeat(10_000);
        AtomicFile.write(file, old, AtomicFile.OWNER_ONLY);
        try (InputStream reader = Files.newInputStream(file)) {
            AtomicFile.write(file, "new\n", AtomicFile.OWNER_ONLY);
            // Written in place (truncate, write), the open reader would see the new or no text.
            assertThat(new String(reader.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(old);
        }
        assertThat(Files.readString(file)).isEqualTo("new\n");
        assertThat(entries(dir)).containsExactly("known_hosts");
    }

    @Test
    void aFailedWriteLeavesTheOldStateAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        // A non-empty directory where the file should go: the rename fails after the data was written.
        Path taken = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(taken.resolve("inside"), "keep");
        assertThatThrownBy(() -> AtomicFile.write(taken, "data", AtomicFile.OWNER_ONLY)).isInstanceOf(IOException.class);
        assertThat(Files.readString(taken.resolve("inside"))).isEqualTo("keep");
        assertThat(entries(dir)).containsExactly("taken");
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
