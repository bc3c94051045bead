package io.tandem.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * POSIX modes where the file system keeps them, nothing where it does not. On Linux and macOS
 * Tandem's files get exactly the modes asked for (owner-only for anything that holds secrets or
 * describes the hosts). Windows' NTFS has no modes: the JDK offers no "posix" attribute view there
 * and throws when one is asked for, so the files are created plainly and take their folder's
 * access list; a user's profile folder, where Tandem keeps its own files, is private to that user.
 */
public final class FileModes {

    private FileModes() {
    }

    /** Whether {@code path}'s file system keeps POSIX modes (Linux, macOS; not Windows). */
    public static boolean kept(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** For {@code Files.createFile} and the like: {@code mode} from the start where modes are kept, else nothing. */
    public static FileAttribute<?>[] atCreation(Path path, Set<PosixFilePermission> mode) {
        return kept(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }

    /** Sets exactly {@code mode} (the umask cannot narrow it) where modes are kept; elsewhere leaves the file as it is. */
    public static void set(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (kept(path)) {
            Files.setPosixFilePermissions(path, mode);
        }
    }
}
