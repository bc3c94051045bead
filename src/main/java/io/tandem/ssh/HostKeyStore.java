package io.tandem.ssh;

import io.tandem.files.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trusted host keys: the user's {@code ~/.ssh/known_hosts} (read only) and Tandem's own store
 * (where keys the user accepts in Tandem are added). A key that differs from a known one is
 * never accepted here, whatever the prompt would say.
 */
public final class HostKeyStore {

    private final List<Path> readOnly;
    private final Path store;

    public HostKeyStore(List<Path> readOnly, Path store) {
        this.readOnly = List.copyOf(readOnly);
        this.store = store;
    }

    /** {@code ~/.ssh/known_hosts} plus {@code ~/.config/tandem/known_hosts}. */
    public static HostKeyStore forCurrentUser() {
        Path home = Path.of(System.getProperty("user.home"));
        return new HostKeyStore(List.of(home.resolve(".ssh/known_hosts")), home.resolve(".config/tandem/known_hosts"));
    }

    /** A verdict over all files, and the file that decided it (null when UNKNOWN). */
    public record Verdict(KnownHostsFile.Verdict verdict, Path file) {
    }

    /**
     * What all files together say about this key: REVOKED if any file revokes it, else MATCH if
     * any file trusts it, else MISMATCH if any file knows other keys for the host, else UNKNOWN.
     */
    public Verdict check(SshTarget target, byte[] keyBlob) throws IOException {
        Verdict match = null;
        Verdict mismatch = null;
        for (Path file : allFiles()) {
            switch (KnownHostsFile.read(file).check(target.knownHostsName(), keyBlob)) {
                case REVOKED -> {
                    return new Verdict(KnownHostsFile.Verdict.REVOKED, file);
                }
                case MATCH -> match = match == null ? new Verdict(KnownHostsFile.Verdict.MATCH, file) : match;
                case MISMATCH -> mismatch = mismatch == null ? new Verdict(KnownHostsFile.Verdict.MISMATCH, file) : mismatch;
                case UNKNOWN -> {
                }
            }
        }
        return match != null ? match : mismatch != null ? mismatch : new Verdict(KnownHostsFile.Verdict.UNKNOWN, null);
    }

    /** Every trusted key on file for this host, from all files: the key types to ask the server for first. */
    public List<byte[]> knownKeys(SshTarget target) throws IOException {
        List<byte[]> keys = new ArrayList<>();
        for (Path file : allFiles()) {
            keys.addAll(KnownHostsFile.read(file).knownKeys(target.knownHostsName()));
        }
        return keys;
    }

    /** Remembers an accepted key: the whole store rewritten atomically, mode 0600. */
    public synchronized void add(SshTarget target, byte[] keyBlob) throws IOException {
        String existing = Files.exists(store) ? Files.readString(store, StandardCharsets.UTF_8) : "";
        if (!existing.isEmpty() && !existing.endsWith("\n")) {
            existing += "\n";
        }
        String line = KnownHostsFile.line(target.knownHostsName(), HostKeyFingerprint.keyType(keyBlob), keyBlob) + "\n";
        AtomicFile.write(store, existing + line, AtomicFile.OWNER_ONLY);
    }

    public Path store() {
        return store;
    }

    private List<Path> allFiles() {
        List<Path> all = new ArrayList<>(readOnly);
        all.add(store);
        return all;
    }
}
