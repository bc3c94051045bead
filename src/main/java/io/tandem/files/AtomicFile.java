package io.tandem.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that after a crash it holds either its old or its new content, whole: the
 * new content goes to a temporary file in the same directory, which is synced to disk, renamed
 * over the file, and then the directory is synced so the rename itself is on disk. Without the
 * first sync a crash soon after the rename can leave an empty file (the rename may reach the disk
 * before the data does); without the second the old file may come back.
 */
public final class AtomicFile {

    /** For files that hold secrets: project files, drafts, the host-key store. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFile() {
    }

    public static void write(Path file, String text, Set<PosixFilePermission> mode) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8), mode);
    }

    /** Writes {@code bytes} to {@code file} with exactly {@code mode}, creating its directory if needed. */
    public static void write(Path file, byte[] bytes, Set<PosixFilePermission> mode) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Created owner-only, so the content is never readable by others, not even for a moment;
        // the mode asked for is set before the rename (the umask cannot narrow it). Without modes (Windows): FileModes.
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", FileModes.atCreation(dir, OWNER_ONLY));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            FileModes.set(temp, mode);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (FileModes.kept(dir)) {
                syncDirectory(dir);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Makes the directory's entries (a rename into it) durable: fsync on the directory, which the
     * POSIX systems (Linux, macOS) allow and need. Windows cannot open a directory as a channel
     * (it throws), and there is no call for it: NTFS journals the rename itself.
     */
    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
