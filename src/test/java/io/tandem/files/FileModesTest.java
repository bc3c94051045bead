package io.tandem.files;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Modes where the file system keeps them (the real /tmp, a Unix Jimfs with the POSIX views), none
 * and no exception where it does not: Jimfs as Windows, which, like NTFS, has no "posix" view
 * and cannot open a directory as a channel.
 */
class FileModesTest {

    @Test
    void onWindowsAnAtomicWriteSucceedsWithItsContentAndLeavesNoTemporaryFile() throws IOException {
        try (FileSystem windows = Jimfs.newFileSystem(Configuration.windows())) {
            Path file = windows.getPath("C:\\Users\\ann\\projects\\lab.tandem.json");
            assertThat(FileModes.kept(file)).isFalse();
            AtomicFile.write(file, "{\"secret\": \"s3\"}\n", AtomicFile.OWNER_ONLY);
            AtomicFile.write(file, "{\"secret\": \"s4\"}\n", AtomicFile.OWNER_ONLY);
            assertThat(Files.readString(file)).isEqualTo("{\"secret\": \"s4\"}\n");
            try (Stream<Path> entries = Files.list(file.getParent())) {
                assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("lab.tandem.json");
            }
        }
    }

    @Test
    void onWindowsModesAreNeitherGivenAtCreationNorSet() throws IOException {
        try (FileSystem windows = Jimfs.newFileSystem(Configuration.windows())) {
            Path file = windows.getPath("C:\\Users\\ann\\secret");
            Files.createDirectories(file.getParent());
            assertThat(FileModes.atCreation(file, AtomicFile.OWNER_ONLY)).isEmpty();
            Files.createFile(file, FileModes.atCreation(file, AtomicFile.OWNER_ONLY));
            FileModes.set(file, AtomicFile.OWNER_ONLY);
            assertThat(Files.isRegularFile(file)).isTrue();
        }
    }

    @Test
    void whereModesAreKeptTheyAreGivenAtCreationAndSetExactly() throws IOException {
        // Jimfs's Unix configuration has only the "basic" view unless asked for the POSIX ones.
        Configuration posix = Configuration.unix().toBuilder().setAttributeViews("basic", "owner", "posix", "unix").build();
        try (FileSystem unix = Jimfs.newFileSystem(posix)) {
            Path file = unix.getPath("/home/ann/f");
            Files.createDirectories(file.getParent());
            assertThat(FileModes.kept(file)).isTrue();
            Files.createFile(file, FileModes.atCreation(file, AtomicFile.OWNER_ONLY));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            FileModes.set(file, PosixFilePermissions.fromString("rw-r--r--"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void theRealFileSystemHereKeepsModes(@TempDir Path dir) throws IOException {
        assertThat(FileModes.kept(dir)).isTrue();
        Path file = dir.resolve("secret");
        AtomicFile.write(file, "x", AtomicFile.OWNER_ONLY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
