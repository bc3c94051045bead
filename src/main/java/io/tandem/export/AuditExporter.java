package io.tandem.export;

import io.tandem.files.FileModes;
import io.tandem.model.Problem;
import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the audit bundle: every file at {@code OUT/<host>/<absolute path>}, cluster-wide files
 * under {@code OUT/cluster/}, {@code SUMMARY.md} and {@code MANIFEST.sha256}. Everything is
 * written to a temporary directory first and moved into place at the end, so a failed export
 * leaves nothing behind and an existing bundle is never half-replaced: a new OUT is the temporary
 * directory renamed; an existing empty OUT is kept (its mode and owner with it) and receives the
 * entries of a temporary directory built inside it; a non-empty OUT (with --force) is swapped for
 * the new one.
 */
public final class AuditExporter {

    public static final String SUMMARY = "SUMMARY.md";
    public static final String MANIFEST = "MANIFEST.sha256";

    /**
     * Files that are not rendered configuration but belong in the audit (the failover tests'
     * reports): each written as is under {@code relativePath}, and a section in SUMMARY.md with
     * {@code title} and one line per item of {@code summary}.
     */
    public record Attachments(String title, List<String> summary, List<Attachment> files) {
        public static final Attachments NONE = new Attachments("", List.of(), List.of());

        public Attachments {
            summary = List.copyOf(summary);
            files = List.copyOf(files);
        }
    }

    public record Attachment(String relativePath, byte[] content) {
    }

    /** What was written, for the caller to report. */
    public record Result(Path directory, int fileCount, boolean secretsIncluded) {
    }

    /** The text of the bundle's SUMMARY.md (secrets redacted), for showing before an apply. */
    public static String summary(Project project, FileSet files, List<Problem> warnings) {
        return new SummaryWriter(project, files, warnings, SecretPolicy.REDACT).write();
    }

    public Result export(Project project, FileSet files, List<Problem> warnings, Path out, SecretPolicy policy, boolean force)
            throws ExportException {
        return export(project, files, warnings, out, policy, force, Attachments.NONE);
    }

    public Result export(Project project, FileSet files, List<Problem> warnings, Path out, SecretPolicy policy, boolean force,
                         Attachments attachments) throws ExportException {
        Path target = out.toAbsolutePath().normalize();
        boolean intoEmpty = checkDestination(target, force);
        Path parent = target.getParent();
        Path temp;
        try {
            // Into an empty folder the bundle is built inside it, so its entries only move within the folder.
            Files.createDirectories(parent);
            temp = intoEmpty ? Files.createTempDirectory(target, ".tandem-export-")
                    : Files.createTempDirectory(parent, "." + target.getFileName() + ".tandem-");
        } catch (IOException e) {
            throw new ExportException("cannot create a directory in " + (intoEmpty ? target : parent) + " (" + e.getMessage()
                    + "). Choose an --out directory you can write to.", e);
        }
        try {
            List<Manifest.Entry> written = writeFiles(files, temp, policy);
            for (Attachment a : attachments.files()) {
                written.add(writeBytes(temp, a.relativePath(), a.content(), 0644));
            }
            String summary = new SummaryWriter(project, files, warnings, policy).write();
            if (!attachments.files().isEmpty()) {
                StringBuilder section = new StringBuilder("\n## " + attachments.title() + "\n\n");
                attachments.summary().forEach(line -> section.append("- ").append(line).append('\n'));
                summary = summary + section;
            }
            written.add(writeText(temp, SUMMARY, summary, 0644));
            Files.writeString(temp.resolve(MANIFEST), Manifest.render(written), StandardCharsets.UTF_8);
            if (intoEmpty) {
                moveEntriesInto(temp, target);
            } else {
                FileModes.set(temp, Modes.of(0755));
                swapIntoPlace(temp, target);
            }
            return new Result(target, written.size(), policy == SecretPolicy.REVEAL);
        } catch (IOException e) {
            deleteTree(temp);
            throw new ExportException("writing the export failed (" + e.getMessage() + "); nothing was written to " + target + ".", e);
        } catch (RuntimeException e) {
            deleteTree(temp);
            throw e;
        }
    }

    /**
     * True when {@code target} is an existing empty directory: the user's own folder, which is
     * written into and kept (its mode and owner with it) rather than replaced.
     */
    private static boolean checkDestination(Path target, boolean force) throws ExportException {
        if (!Files.exists(target)) {
            return false;
        }
        if (!Files.isDirectory(target)) {
            throw new ExportException(target + " exists and is not a directory. Choose another --out path.");
        }
        try (Stream<Path> entries = Files.list(target)) {
            boolean empty = entries.findAny().isEmpty();
            if (!empty && !force) {
                throw new ExportException(target + " is not empty. Choose an empty or new --out directory, "
                        + "or add --force to replace its contents.");
            }
            return empty;
        } catch (IOException e) {
            throw new ExportException("cannot read " + target + " (" + e.getMessage() + ").", e);
        }
    }

    /**
     * Moves the finished bundle's entries from {@code staging} (inside {@code target}) up into
     * {@code target}, then removes {@code staging}; if a move fails, the entries already moved are
     * removed again, so the folder is left as empty as it was.
     */
    private static void moveEntriesInto(Path staging, Path target) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(staging)) {
            entries = list.toList();
        }
        List<Path> moved = new ArrayList<>();
        try {
            for (Path entry : entries) {
                Path destination = target.resolve(entry.getFileName().toString());
                Files.move(entry, destination, StandardCopyOption.ATOMIC_MOVE);
                moved.add(destination);
            }
            Files.delete(staging);
        } catch (IOException e) {
            moved.forEach(AuditExporter::deleteTree);
            throw e;
        }
    }

    private static List<Manifest.Entry> writeFiles(FileSet files, Path root, SecretPolicy policy) throws IOException {
        List<Manifest.Entry> written = new ArrayList<>();
        for (RenderedFile file : files.files()) {
            String relative = file.host() + file.path();
            written.add(writeText(root, relative, files.text(file, policy), file.mode()));
        }
        return written;
    }

    private static Manifest.Entry writeText(Path root, String relative, String text, int mode) throws IOException {
        return writeBytes(root, relative, text.getBytes(StandardCharsets.UTF_8), mode);
    }

    private static Manifest.Entry writeBytes(Path root, String relative, byte[] bytes, int mode) throws IOException {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("refusing to write outside the export: " + relative);
        }
        Files.createDirectories(path.getParent());
        // Created owner-only, so a secret file is never readable by others, not even briefly; then given
        // its final mode. Where there are no modes (Windows) the files take the folder's access list: FileModes.
        Files.createFile(path, FileModes.atCreation(path, Modes.of(mode & 0600)));
        Files.write(path, bytes);
        FileModes.set(path, Modes.of(mode));
        return new Manifest.Entry(relative, Manifest.sha256(bytes));
    }

    /** Replaces {@code target} (absent, or non-empty with --force) by the finished bundle in one rename. */
    private static void swapIntoPlace(Path temp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        deleteTree(old);
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Best effort: what cannot be removed is reported by the caller's own error.
                }
            });
        } catch (IOException ignored) {
            // Same: cleanup after a failure must not hide the failure itself.
        }
    }

    /** Octal mode → POSIX permissions. */
    static final class Modes {

        private Modes() {
        }

        static Set<PosixFilePermission> of(int mode) {
            Set<PosixFilePermission> perms = java.util.EnumSet.noneOf(PosixFilePermission.class);
            PosixFilePermission[] order = {
                    PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                    PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
            for (int bit = 0; bit < order.length; bit++) {
                if ((mode & (1 << bit)) != 0) {
                    perms.add(order[bit]);
                }
            }
            return perms;
        }
    }
}
