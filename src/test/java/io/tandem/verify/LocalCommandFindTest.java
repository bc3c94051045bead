package io.tandem.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** Looking a program up on PATH: parted by the platform's separator, an entry that is no path skipped. */
class LocalCommandFindTest {

    @Test
    void findsAProgramOnAPathPartedBySemicolonsPastAnEntryThatIsNoPath(@TempDir Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createFile(bin.resolve("crm_simulate"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        // A NUL is the one character no Linux path may hold: it stands for a Windows entry such as "C:\Program Files\x" quoted.
        String path = "bad\0entry;" + dir.resolve("empty") + ";" + bin;
        assertThat(LocalCommand.findOnPath(path, ";", "crm_simulate")).contains(bin.resolve("crm_simulate"));
        assertThat(LocalCommand.findOnPath(path, ";", "no-such-program-here")).isEmpty();
    }
}
